"""Facts only one outlet reports: sentences with a figure or a name that no other outlet's
sentence matches, most central first, a few per outlet."""

from __future__ import annotations

from typing import Any

import numpy as np
import regex

from crosswire.digest.attribution import sentences_match

_NAME = regex.compile(r"(?<=\S\s)\p{Lu}\p{Ll}+")
_DIGIT = regex.compile(r"\d")


def only_in(story, threshold: float, per_source: int) -> list[dict[str, Any]]:  # noqa: ANN001
    sentences = story.sentences
    if len({s.source for s in sentences}) < 2:
        return []
    centroid = story.vectors.mean(axis=0)
    similarity = story.vectors @ story.vectors.T
    found: dict[str, list[tuple[float, int]]] = {}
    for i, s in enumerate(sentences):
        if len(s.words) < 6 or not (_DIGIT.search(s.text) or _NAME.search(s.text)):
            continue
        matched = any(
            o.source != s.source
            and sentences_match(s, o, float(similarity[i, j]), threshold) >= threshold
            for j, o in enumerate(sentences)
        )
        if not matched:
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


__all__ = ["only_in", "np"]
