"""Sentence selection under a word budget: strict, or filled with the last sentence running over."""

from __future__ import annotations

import numpy as np

from crosswire.digest.selection import budget_words, select_sentences
from crosswire.text.sentences import Sentence, StorySentences
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


def test_a_six_word_dateline_is_neither_the_lead_nor_a_summary_sentence():
    from dataclasses import replace

    from crosswire.digest.options import DigestOptions
    from crosswire.digest.summary import summary_candidates
    from crosswire.models import Article
    from crosswire.text.sentences import article_sentences

    text = "יום רביעי, ה- 14 במרץ, 2029\nמועצת העיר אישרה אתמול את תוכנית הנמל החדשה."
    sentences = article_sentences(Article(id=1, title="", text=text, language="he"), 10)
    assert len(sentences[0].words) == 6  # long enough to pass for a sentence
    assert [s.position for s in sentences] == [0, 0]
    story = StorySentences(sentences, np.eye(2, dtype=np.float32))
    options = replace(DigestOptions(), reader_language="he")
    assert summary_candidates(story, "he", options) == [1]


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


def test_of_two_sentences_that_say_the_same_the_one_closest_to_the_story_is_kept():
    from crosswire.digest.selection import SelectionWeights

    texts = [
        # the most word pairs other outlets use, but off the story's centre
        "The council approved a harbour plan with a ferry pier and a storm shelter on Monday.",
        "The city council approved the harbour plan.",  # the same fact, at the centre
        "Its ferry pier and storm shelter will take two years to build.",
        "Fishermen said a storm shelter was long overdue.",
    ]
    sentences = [
        Sentence(t, article_id=i + 1, source=f"s{i}", language="en", position=0, words=words(t))
        for i, t in enumerate(texts)
    ]
    vectors = np.array([[1, 0, 0], [0.85, 0.5, 0.2], [0, 1, 0], [0, 0.6, 0.8]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    story = StorySentences(sentences, vectors)
    assert float(vectors[0] @ vectors[1]) >= 0.8  # one says what the other says
    weights = SelectionWeights(common_words=0)  # (a story this small has no function words)
    chosen = select_sentences(story, [0, 1, 2, 3], max_sentences=2, weights=weights)
    assert chosen == [1, 2]  # not [0, 2]: the gain per word alone took the first sentence


def test_a_sentence_in_the_first_person_weighs_less_than_the_same_fact_told():
    from dataclasses import replace

    from crosswire.digest.selection import SelectionWeights

    texts = [
        '"We have closed the port to all ships until Friday," the harbour master said.',
        "The harbour master closed the port to all ships until Friday, officials said.",
    ]
    story = _plain_story(texts, "en")
    story.sentences[1].position = 0  # both leads: nothing but the voice tells them apart
    story.vectors[:] = 1 / np.sqrt(2)  # and equally central
    weights = SelectionWeights()
    assert select_sentences(story, [0, 1], max_sentences=1, weights=weights) == [1]
    plain = replace(weights, first_person=0.0)
    assert select_sentences(story, [0, 1], max_sentences=1, weights=plain) == [0]


def test_summary_sentences_come_from_the_first_sentences_of_their_article():
    from dataclasses import replace

    from crosswire.digest.options import DigestOptions
    from crosswire.digest.summary import summary_candidates

    texts = [f"The council met for the {n} time this week to discuss the port." for n in range(9)]
    story = _plain_story(texts, "en")  # positions 0 … 8
    options = replace(DigestOptions(), lead_sentences=6)
    assert summary_candidates(story, "en", options) == [0, 1, 2, 3, 4, 5]
    for s in story.sentences:
        s.position += 6  # none among the first six: every sentence stays a candidate
    assert summary_candidates(story, "en", options) == list(range(9))


def test_a_title_repeated_in_the_text_is_no_summary_sentence():
    from crosswire.digest.options import DigestOptions
    from crosswire.digest.summary import summary_candidates

    texts = [
        "Harbour Council Votes to Close the Old Port Road to Lorries",
        "The council voted on Monday to close the old port road to heavy lorries.",
    ]
    story = _plain_story(texts, "en")
    story.sentences[0].headline = True
    assert summary_candidates(story, "en", DigestOptions()) == [1]
    story.sentences[1].headline = True  # nothing but titles: a title rather than nothing
    assert summary_candidates(story, "en", DigestOptions()) == [0, 1]
