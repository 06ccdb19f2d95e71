"""Credit every outlet that says what a summary sentence says.

Two sentences match when their (cross-lingual) embeddings are close, or — for languages the
embedder knows less well — when they share most of their words; never when they contradict
each other or give other figures of one unit ("12 people" against "31 people", however alike
the rest). An outlet is credited with the best matching sentence of any of its articles, kept
as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crosswire.digest.sentences import Sentence, StorySentences

MIN_SHARED_WORDS = 5
MIN_CONTAINMENT = 0.6


@dataclass
class Evidence:
    source: str
    article_id: int
    sentence: str
    score: float


def lexical_match(a: list[str], b: list[str]) -> float:
    """Share of the shorter sentence's words found in the other (0 when fewer than 5 shared)."""
    sa, sb = set(a), set(b)
    shared = len(sa & sb)
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return shared / min(len(sa), len(sb))


def sentences_match(a: Sentence, b: Sentence, cosine: float, threshold: float) -> float:
    """A match score ≥ ``threshold`` when ``a`` and ``b`` say the same thing, else lower."""
    if cosine >= threshold:
        return cosine
    if a.language and a.language == b.language:
        containment = lexical_match(a.words, b.words)
        if containment >= MIN_CONTAINMENT:
            return max(cosine, threshold + (containment - MIN_CONTAINMENT) * 0.1)
    return cosine


def attribute(story: StorySentences, index: int, threshold: float) -> list[Evidence]:
    """Evidence from every outlet with a matching sentence; the sentence's own outlet first."""
    from crosswire.compare.claims import detect_conflict  # compare imports digest.text
    from crosswire.compare.numbers import figures_disagree

    own = story.sentences[index]
    scores = story.vectors @ story.vectors[index] if len(story.sentences) else np.zeros(0)
    best: dict[str, Evidence] = {own.source: Evidence(own.source, own.article_id, own.text, 1.0)}
    for j, other in enumerate(story.sentences):
        if other.source == own.source:
            continue
        score = sentences_match(own, other, float(scores[j]), threshold)
        if score < threshold:
            continue
        if detect_conflict(own.text, other.text, float(scores[j])) is not None:
            continue  # close in meaning but contradicting: not the same claim
        if figures_disagree(own.text, other.text):
            continue  # "12 people were killed" is not what an outlet saying 31 reports
        current = best.get(other.source)
        if current is None or score > current.score:
            best[other.source] = Evidence(other.source, other.article_id, other.text, score)
    ordered = [best.pop(own.source)]
    ordered += sorted(best.values(), key=lambda e: -e.score)
    return ordered
