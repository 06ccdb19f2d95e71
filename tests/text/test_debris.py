"""What stands before a sentence on a news page, openings that need the sentence before, and
the page speaking."""

from __future__ import annotations

import pytest

from crosswire.text.debris import dangling_opening, page_furniture, strip_debris


@pytest.mark.parametrize(
    ("written", "lead_in", "rest"),
    [
        ("WASHINGTON — The vote failed.", "WASHINGTON —", "The vote failed."),
        ("WASHINGTON―The vote failed.", "WASHINGTON―", "The vote failed."),
        ("LOS ANGELES, Calif. (AP) -- A man", "LOS ANGELES, Calif. (AP) --", "A man"),
        ("BEIRUT, Lebanon — Rebels left.", "BEIRUT, Lebanon —", "Rebels left."),
        ("(Reuters) - Oil rose.", "(Reuters) -", "Oil rose."),
        ("-- Attorney General Ana Ruiz said", "--", "Attorney General Ana Ruiz said"),
        ("Updated: Rain fell.", "Updated:", "Rain fell."),
        ("VIDEO: Rain fell.", "VIDEO:", "Rain fell."),
        ("Video-game makers met.", "", "Video-game makers met."),
        (
            "By Ana Ruiz and Tom Lee, Reuters OSLO (Reuters) - Talks ended.",
            "By Ana Ruiz and Tom Lee, Reuters OSLO (Reuters) -",
            "Talks ended.",
        ),
        # not debris: capitals without a dash, a quotation, an abbreviation
        ("U.S. officials said — again — no.", "", "U.S. officials said — again — no."),
        ("NATO troops arrived on Monday.", "", "NATO troops arrived on Monday."),
        ("“We will rebuild,” she said.", "", "“We will rebuild,” she said."),
        ("— ", "", "— "),
    ],
)
def test_strip_debris_keeps_it_as_data(written, lead_in, rest):
    assert strip_debris(written) == (lead_in, rest)


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("He said the closure could last.", True),
        ("But shop owners fear the worst.", True),
        ("However, the mayor promised a decision.", True),
        ('"That is not acceptable," she said.', True),
        ("Sin embargo, el alcalde prometió una decisión.", True),
        ("This week the council meets.", False),
        ("So far nobody was hurt.", False),
        ("The council will meet on Thursday.", False),
        ("Heinz Berg said the closure could last.", False),
    ],
)
def test_dangling_openings(text, dangling):
    assert dangling_opening(text) is dangling


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Watch the full interview with the mayor (video).", True),
        ("CORRECTION: This article originally said the bridge opened in May.", True),
        ("Watchdogs said the levee was sound.", False),
        ("Video from a bystander showed the levee holding.", False),
        ("CLAIM: The mayor said the levee was never inspected.", True),  # a fact check's
        ("THE FACTS: It was inspected in May.", True),
        ("Claims adjusters reached the levee on Monday.", False),
    ],
)
def test_the_page_speaking_is_never_a_summary_sentence(text, furniture):
    assert page_furniture(text) is furniture


def test_a_caption_with_its_credit_is_page_furniture():
    from crosswire.text.debris import page_furniture

    assert page_furniture("Senator Ana Ruiz at the Capitol in May.CreditTom Lee/Reuters")
    assert page_furniture("Crews at the levee on Monday. Credit: Tom Lee/AP")
    assert not page_furniture("The agency gave credit to Tom Lee for the rescue.")
    assert not page_furniture("Credit Suisse said the merger would close in May.")
