"""Credit every outlet that says what a summary sentence says.

Two sentences match when they say the same thing (:mod:`crosswire.text.matching`), never when
they contradict each other or give other figures of one unit ("12 people" against "31 people",
however alike the rest). An outlet is credited with the best matching sentence of any of its
articles, kept as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crosswire.compare.claims import detect_conflict
from crosswire.compare.numbers import figures_disagree
from crosswire.text.matching import sentences_match
from crosswire.text.sentences import StorySentences


@dataclass
class Evidence:
    source: str
    article_id: int
    sentence: str
    score: float


def attribute(story: StorySentences, index: int, threshold: float) -> list[Evidence]:
    """Evidence from every outlet with a matching sentence; the sentence's own outlet first."""
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
