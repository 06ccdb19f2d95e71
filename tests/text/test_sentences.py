"""A story's sentences: datelines, and positions that they do not push down."""

from __future__ import annotations

import pytest

from crosswire.models import Article
from crosswire.text.sentences import article_sentences, is_dateline
from crosswire.text.words import words


def test_a_dateline_does_not_push_the_lead_down():
    text = "Sunday, March 9, 2031\nThe council approved the new harbour plan on Friday evening."
    sentences = article_sentences(Article(id=1, title="", text=text, language="en"), 10)
    assert [s.position for s in sentences] == [0, 0]


@pytest.mark.parametrize(
    "line",
    [
        "Sunday, March 9, 2031",
        "יום רביעי, ה- 14 במרץ, 2029",  # six words of the tokenizer: as long as a sentence
        "יום ראשון, ה3 באוגוסט, 2031",  # "the 12th", the article written on the number
        "Pondělí, 4. února 2030",
        "Středa, 19. červenec 2028",
        "Παρασκευή, 6 Μαρτίου 2027",
        "बुधवार, \u092b\u093cरवरी ९, २०३२",  # Devanagari digits, a nukta written apart
        "الأحد 17 مارس 2030",
        "quarta-feira, 3 de março de 2021 às 9:40",  # ten words, joined by "de" and "às"
        "martes, 9 de noviembre de 2021, 18:05",
        "Published Monday, March 3, 2025 at 10:32 am GMT",
    ],
)
def test_datelines_in_several_languages(line):
    assert is_dateline(words(line))


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour reopened on 8 January 2005 after the storm.",
        "הנמל נפתח מחדש ב-8 בינואר 2005 לאחר הסערה.",
        "Tickets go on sale in March.",  # a month, no number
        "The council met 12 times in 2004 and 2005.",  # numbers, no month
        "The fair opens on April 12, in 19 days.",  # short words, yet a sentence
        "समिति की बैठक 21 मार्च तक चलेगी।",  # "the committee meets until 21 March"
    ],
)
def test_a_sentence_with_a_date_is_no_dateline(sentence):
    assert not is_dateline(words(sentence))


def test_a_title_repeated_above_the_text_is_marked_and_not_the_lead():
    from crosswire.models import Article
    from crosswire.text.sentences import article_sentences

    article = Article(
        id=1,
        title="Harbour Council Votes to Close the Old Port Road",
        text="Harbour Council votes to close the old port road\n"
        "The council voted on Monday to close the old port road to heavy lorries.",
        language="en",
    )
    title, lead = article_sentences(article, 10)
    assert title.headline and not lead.headline
    assert (title.position, lead.position) == (0, 0)  # the lead is still the article's first
