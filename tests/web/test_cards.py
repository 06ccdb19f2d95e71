"""Story cards: the lead shown under a headline."""

from crosswire.web.views import LEAD_CHARS, first_sentence


def test_a_card_lead_is_the_first_whole_sentence():
    text = "The U.S. Supreme Court refused on Monday to hear the case. Mr. Lee appealed."
    assert first_sentence(text) == "The U.S. Supreme Court refused on Monday to hear the case."


def test_a_long_first_sentence_is_cut_with_an_ellipsis():
    lead = first_sentence("word " * 200)
    assert len(lead) == LEAD_CHARS
    assert lead.endswith("…")


def test_no_text_gives_no_lead():
    assert first_sentence("") == ""
