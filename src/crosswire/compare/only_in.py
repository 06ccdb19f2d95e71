"""Facts only one outlet reports: sentences with a figure or a name that no other outlet's
sentence matches, most central first, a few per outlet. Sentences the reader already sees
(the summary's, passed as ``shown``) are left out: the summary names their one outlet."""

from __future__ import annotations

from typing import Any

import numpy as np
import regex

from crosswire.digest.attribution import MIN_CONTAINMENT, lexical_match

_NAME = regex.compile(r"(?<=\S\s)\p{Lu}\p{Ll}+")
_DIGIT = regex.compile(r"\d")


def only_in(  # noqa: ANN001
    story, threshold: float, per_source: int, shown: frozenset[int] = frozenset()
) -> list[dict[str, Any]]:
    sentences = story.sentences
    if len({s.source for s in sentences}) < 2:
        return []
    centroid = story.vectors.mean(axis=0)
    sources = np.array([s.source for s in sentences], dtype=object)
    found: dict[str, list[tuple[float, int]]] = {}
    for i, s in enumerate(sentences):
        if i in shown or len(s.words) < 6 or not (_DIGIT.search(s.text) or _NAME.search(s.text)):
            continue
        if not _matched(story, i, sources, threshold):
            found.setdefault(s.source, []).append((float(story.vectors[i] @ centroid), i))
    out = []
    for source, scored in found.items():
        for _, i in sorted(scored, reverse=True)[:per_source]:
            out.append(
                {
                    "source": source,
                    "article_id": sentences[i].article_id,
                    "sentence": sentences[i].text,
                }
            )
    return out


def _matched(story, i: int, sources: np.ndarray, threshold: float) -> bool:  # noqa: ANN001
    """Whether another outlet has a sentence that says what sentence ``i`` says (as
    ``digest.attribution.sentences_match``: close embeddings, or most words shared within
    one language)."""
    own = story.sentences[i]
    others = sources != own.source
    if np.any((story.vectors @ story.vectors[i] >= threshold) & others):
        return True
    if not own.language:
        return False
    return any(
        lexical_match(own.words, o.words) >= MIN_CONTAINMENT
        for j, o in enumerate(story.sentences)
        if others[j] and o.language == own.language
    )


__all__ = ["only_in"]
