"""Facts only one outlet reports, and facts only one side of the spectrum reports.

- ``only_in``: sentences with a figure or a name that no other outlet's sentence matches, most
  central first, a few per outlet.
- ``one_side``: such sentences that two or more outlets report, every one of them on one side
  (left, centre or right), in a story that outlets of another side cover too: what the left
  tells its readers and the right does not, and the other way round.

Both say what an outlet or a side does *not* report, which a missed match would make up: across
languages a translation reaches the attribution threshold only part of the time (MultiLing
2011: 62-91 % of sentences, by language). So a sentence is taken as reported elsewhere as soon
as another outlet (another side) has one within ``ABSENCE_COSINE`` in any language, one within
``FIGURE_COSINE`` that gives one of its figures, or one with most of its words in the same
language; an outlet or a side is credited with *reporting* it only at the attribution
threshold.

Sentences the reader already sees (the summary's, passed as ``shown``) are left out of the
first (the summary names their one outlet); a one-sided fact the summary states is marked
``in_summary``, so that the summary can say so where it is read."""

from __future__ import annotations

from typing import Any

import numpy as np
import regex

from crosswire.compare.numbers import Quantity
from crosswire.text.matching import MIN_CONTAINMENT, lexical_match, sentences_match

_NAME = regex.compile(r"(?<=\S\s)\p{Lu}\p{Ll}+")
_DIGIT = regex.compile(r"\d")
# Closer than this to another outlet's sentence, in any language, a sentence may be what that
# outlet reports too; closer than FIGURE_COSINE, if the two give one figure (see the module's
# docstring). bench/absence_translations.py, 100 stories of translations (every fact in every
# language): "only in one outlet" 194 at the attribution threshold, 17 so; "only on one side"
# 172 and 6; 100 AllSides val stories (one language): only-in 168 and 145.
ABSENCE_COSINE = 0.55
FIGURE_COSINE = 0.4


def only_in(  # noqa: ANN001
    story,
    similarity: np.ndarray,
    figures: list[set[float]],
    threshold: float,
    per_source: int,
    shown: frozenset[int] = frozenset(),
) -> list[dict[str, Any]]:
    """Facts only one outlet reports (see the module's docstring). ``similarity``: the
    cosines between the story's sentences; ``figures``: each sentence's (``figures_of``)."""
    sentences = story.sentences
    if len({s.source for s in sentences}) < 2:
        return []
    centroid = story.vectors.mean(axis=0)
    sources = np.array([s.source for s in sentences], dtype=object)
    found: dict[str, list[tuple[float, int]]] = {}
    for i, s in enumerate(sentences):
        if i in shown or not _fact_like(s):
            continue
        if not _said_elsewhere(story, i, similarity[i], figures, sources != s.source, threshold):
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


def one_side(  # noqa: ANN001
    story,
    similarity: np.ndarray,
    figures: list[set[float]],
    sides: dict[str, str],
    threshold: float,
    per_side: int,
    shown: frozenset[int] = frozenset(),
    reader_language: str | None = None,
) -> list[dict[str, Any]]:
    """Facts reported only by outlets of one side, each with every outlet that reports it.
    ``sides`` maps an outlet to "left", "center" or "right"; outlets not in it (leaning
    unknown) neither make a fact one-sided nor report one. A fact the summary states (one of
    its versions is ``shown``) is told in the summary's words and marked ``in_summary``; of
    the others, ``per_side`` per side are told in the words of their most central version,
    one in ``reader_language`` where there is one."""
    sentences = story.sentences
    if len({sides[s.source] for s in sentences if s.source in sides}) < 2:
        return []  # one side covers the story (a blindspot, which the spread flags)
    side_of = np.array([sides.get(s.source) for s in sentences], dtype=object)
    centrality = story.vectors @ story.vectors.mean(axis=0)
    order = sorted(
        range(len(sentences)),
        key=lambda i: (sentences[i].language != reader_language, -centrality[i], i),
    )
    told: set[int] = set()  # sentences of a fact already listed (or found not one-sided)
    found: dict[str, list[dict[str, Any]]] = {}
    for i in order:
        side = side_of[i]
        if side is None or i in told or not _fact_like(sentences[i]):
            continue
        if _said_elsewhere(story, i, similarity[i], figures, side_of != side, threshold):
            told.add(i)
            continue
        reporters, versions = _versions(story, i, similarity[i], side_of == side, threshold)
        told |= versions
        if len(reporters) < 2:
            continue
        in_summary = sorted(versions & shown)
        listed = found.setdefault(side, [])
        if not in_summary and sum(not f["in_summary"] for f in listed) >= per_side:
            continue
        own = sentences[in_summary[0] if in_summary else i]  # the summary's words if it has it
        listed.append(
            {
                "side": side,
                "sentence": own.text,
                "article_id": own.article_id,
                "source": own.source,
                "sources": [own.source, *sorted(reporters - {own.source})],
                "in_summary": bool(in_summary),
            }
        )
    return [entry for side in ("left", "center", "right") for entry in found.get(side, [])]


def _fact_like(sentence) -> bool:  # noqa: ANN001
    """A sentence that states something checkable: six words or more, with a figure or a
    name."""
    return len(sentence.words) >= 6 and bool(
        _DIGIT.search(sentence.text) or _NAME.search(sentence.text)
    )


def figures_of(quantities: list[Quantity]) -> set[float]:
    """The figures an absence check compares: a sentence's quantities (``compare.numbers``:
    years, dates and clock times left out; digits of any script), from 10 up."""
    return {q.value for q in quantities if q.value >= 10}


def _said_elsewhere(  # noqa: ANN001
    story,
    i: int,
    cosines: np.ndarray,
    figures: list[set[float]],
    where: np.ndarray,
    threshold: float,
) -> bool:
    """Whether a sentence among ``where`` (a mask over the story's sentences) may say what
    sentence ``i`` says (``cosines``: of every sentence to it; see the module's docstring)."""
    own = story.sentences[i]
    if np.any((cosines >= min(threshold, ABSENCE_COSINE)) & where):
        return True
    if figures[i] and any(
        figures[i] & figures[j] for j in np.flatnonzero((cosines >= FIGURE_COSINE) & where).tolist()
    ):
        return True
    return bool(own.language) and any(
        lexical_match(own.words, other.words) >= MIN_CONTAINMENT
        for j, other in enumerate(story.sentences)
        if where[j] and other.language == own.language
    )


def _versions(  # noqa: ANN001
    story, i: int, cosines: np.ndarray, among: np.ndarray, threshold: float
) -> tuple[set[str], set[int]]:
    """The outlets among ``among`` (a mask over the story's sentences) that say what
    sentence ``i`` says (``sentences_match``, whatever their figures: an outlet that gives
    another count still reports the fact), and the indices of the sentences that say it."""
    own = story.sentences[i]
    reporters, versions = {own.source}, {i}
    for j in np.flatnonzero(among).tolist():
        other = story.sentences[j]
        if j != i and sentences_match(own, other, float(cosines[j]), threshold) >= threshold:
            reporters.add(other.source)
            versions.add(j)
    return reporters, versions


__all__ = ["ABSENCE_COSINE", "FIGURE_COSINE", "figures_of", "one_side", "only_in"]
