"""Sentence selection under a word budget: strict, or filled with the last sentence running over."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.digest.selection import budget_words, select_sentences
from crosswire.digest.sentences import Sentence, StorySentences, is_dateline
from crosswire.text.words import words


def _story() -> StorySentences:
    texts = [
        "The storm cut power to thousands of homes along the coast on Monday night.",
        "Crews worked through the night to restore power to homes along the coast.",
        "The storm also closed schools along the coast on Tuesday.",
    ]
    sentences = [
        Sentence(t, article_id=i + 1, source=f"s{i}", language="en", position=0, words=words(t))
        for i, t in enumerate(texts)
    ]
    vectors = np.eye(3, dtype=np.float32)  # no two sentences redundant
    return StorySentences(sentences, vectors)


def test_a_strict_budget_is_never_exceeded():
    story = _story()
    chosen = select_sentences(story, [0, 1, 2], max_sentences=10, max_words=20)
    assert sum(budget_words(story.sentences[i].text) for i in chosen) <= 20


def test_overrun_fills_the_budget_and_stops_there():
    story = _story()
    chosen = select_sentences(story, [0, 1, 2], max_sentences=10, max_words=20, overrun=True)
    used = [budget_words(story.sentences[i].text) for i in chosen]
    assert sum(used) >= 20 and sum(used[:-1]) < 20


def _plain_story(texts: list[str], language: str) -> StorySentences:
    sentences = [
        Sentence(t, article_id=i + 1, source=f"s{i}", language=language, position=i, words=words(t))
        for i, t in enumerate(texts)
    ]
    return StorySentences(sentences, np.eye(len(texts), dtype=np.float32))


def test_the_budget_counts_the_words_of_the_text_not_its_tokens():
    # 8 words of text, 12 tokens: each 'ע"י' ("by") is one word and two tokens
    acronyms = 'הדו"ח נכתב ע"י הוועדה ואושר ע"י השר ע"י'
    other = "הוועדה תתכנס שוב בשבוע הבא כדי לדון בדוח"
    story = _plain_story([acronyms, other], "he")
    assert budget_words(acronyms) == 8 and len(words(acronyms)) == 12
    chosen = select_sentences(story, [0, 1], max_sentences=10, max_words=10, overrun=True)
    assert sum(budget_words(story.sentences[i].text) for i in chosen) >= 10  # the budget is spent


def test_a_dash_between_spaces_is_a_word_of_the_budget():
    # 13 words of text, 11 tokens: a strict 12-word budget cannot take it
    dashes = "Vláda – jak uvedla – schválila nový rozpočet na příští rok včetně daní"
    story = _plain_story([dashes], "cs")
    assert budget_words(dashes) == 13 and len(words(dashes)) == 11
    assert select_sentences(story, [0], max_sentences=10, max_words=12) == []


def test_a_dateline_does_not_push_the_lead_down():
    from crosswire.digest.sentences import article_sentences
    from crosswire.models import Article

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


def test_a_six_word_dateline_is_neither_the_lead_nor_a_summary_sentence():
    from dataclasses import replace

    from crosswire.digest.options import DigestOptions
    from crosswire.digest.sentences import article_sentences
    from crosswire.digest.summary import summary_candidates
    from crosswire.models import Article

    text = "יום רביעי, ה- 14 במרץ, 2029\nמועצת העיר אישרה אתמול את תוכנית הנמל החדשה."
    sentences = article_sentences(Article(id=1, title="", text=text, language="he"), 10)
    assert len(sentences[0].words) == 6  # long enough to pass for a sentence
    assert [s.position for s in sentences] == [0, 0]
    story = StorySentences(sentences, np.eye(2, dtype=np.float32))
    options = replace(DigestOptions(), reader_language="he")
    assert summary_candidates(story, "he", options) == [1]


def test_an_ordinal_date_does_not_end_a_sentence():
    from crosswire.text.words import split_sentences

    assert split_sentences("Rada schválila dar 10. ledna. Pak odešla.") == [
        "Rada schválila dar 10. ledna.",
        "Pak odešla.",
    ]


def test_czech_abbreviations_do_not_end_a_sentence():
    from crosswire.text.words import split_sentences

    assert split_sentences("Velká města, např. Praha a Brno, hlasovala pro. Pak odešla.") == [
        "Velká města, např. Praha a Brno, hlasovala pro.",
        "Pak odešla.",
    ]
    assert split_sentences("Šlo o tzv. Zelenou dohodu. Ta platí od ledna.") == [
        "Šlo o tzv. Zelenou dohodu.",
        "Ta platí od ledna.",
    ]


def test_ranks_before_a_name_do_not_end_a_sentence():
    from crosswire.text.words import split_sentences

    text = "The court's officer, Maj. Tove Lind, spoke. Adm. Ruiz and Brig. Gen. Oka left."
    assert split_sentences(text) == [
        "The court's officer, Maj. Tove Lind, spoke.",
        "Adm. Ruiz and Brig. Gen. Oka left.",
    ]


def test_an_abbreviation_of_number_ends_a_sentence_unless_a_figure_follows():
    from crosswire.text.words import split_sentences

    assert split_sentences("The court said no. It was final. Room No. 5 stays shut.") == [
        "The court said no.",
        "It was final.",
        "Room No. 5 stays shut.",
    ]


def test_cjk_sentences_end_without_a_space():
    from crosswire.text.words import split_sentences

    assert split_sentences("他说好。她说「不」。为什么？") == [
        "他说好。",
        "她说「不」。",
        "为什么？",
    ]


def test_bullets_come_in_the_order_chosen_most_important_first():
    """A word limit that cuts the list, and a reader who stops early, lose the least: the
    second article's sentence, the closest to the story's centre, comes before the first
    article's (reading order would put it second); the third, a near-repeat of it, is left out."""
    from crosswire.digest.options import DigestOptions
    from crosswire.digest.summary import build_summary

    texts = [
        "Local farmers gathered near the old mill to trade seeds and stories.",
        "The regional council approved a new harbour plan after months of debate.",
        "Councillors voted for the harbour project following a lengthy dispute.",
    ]
    sentences = [
        Sentence(t, article_id=i + 1, source=f"s{i}", language="en", position=0, words=words(t))
        for i, t in enumerate(texts)
    ]
    near = np.array([0.0, 0.75, 0.66])
    vectors = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], near / np.linalg.norm(near)])
    story = StorySentences(sentences, vectors.astype(np.float32))
    summary = build_summary(story, DigestOptions(reader_language="en"), {})
    assert [e["text"] for e in summary] == [texts[1], texts[0]]
