"""Sentence selection under a word budget: strict, or filled with the last sentence running over."""

from __future__ import annotations

import numpy as np

from crosswire.digest.selection import select_sentences
from crosswire.digest.sentences import Sentence, StorySentences
from crosswire.digest.text import words


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
    assert sum(len(story.sentences[i].words) for i in chosen) <= 20


def test_overrun_fills_the_budget_and_stops_there():
    story = _story()
    chosen = select_sentences(story, [0, 1, 2], max_sentences=10, max_words=20, overrun=True)
    used = [len(story.sentences[i].words) for i in chosen]
    assert sum(used) >= 20 and sum(used[:-1]) < 20


def test_a_dateline_does_not_push_the_lead_down():
    from crosswire.digest.sentences import article_sentences
    from crosswire.models import Article

    text = "Saturday, January 8, 2005\nThe council approved the new harbour plan on Friday evening."
    sentences = article_sentences(Article(id=1, title="", text=text, language="en"), 10)
    assert [s.position for s in sentences] == [0, 0]


def test_an_ordinal_date_does_not_end_a_sentence():
    from crosswire.digest.text import split_sentences

    assert split_sentences("Rada schválila dar 10. ledna. Pak odešla.") == [
        "Rada schválila dar 10. ledna.",
        "Pak odešla.",
    ]
