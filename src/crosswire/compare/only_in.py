"""Facts only one outlet reports, and facts only one side of the spectrum reports.

- ``only_in``: sentences with a figure or a name that no other outlet's sentence matches, most
  central first, a few per outlet.
- ``one_side``: such sentences that two or more outlets report, every one of them on one side
  (left, centre or right), in a story that outlets of another side cover too: what the left
  tells its readers and the right does not, and the other way round.

Sentences the reader already sees (the summary's, passed as ``shown``) are left out of the
first (the summary names their one outlet); a one-sided fact the summary states is marked
``in_summary``, so that the summary can say so where it is read."""

from __future__ import annotations

from typing import Any

import numpy as np
import regex

from crosswire.digest.attribution import MIN_CONTAINMENT, lexical_match, sentences_match

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
        if i in shown or not _fact_like(s):
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


def one_side(  # noqa: ANN001
    story,
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
    centrality = story.vectors @ story.vectors.mean(axis=0)
    order = sorted(
        range(len(sentences)),
        key=lambda i: (sentences[i].language != reader_language, -centrality[i], i),
    )
    told: set[int] = set()  # sentences of a fact already listed (or found not one-sided)
    found: dict[str, list[dict[str, Any]]] = {}
    for i in order:
        side = sides.get(sentences[i].source)
        if side is None or i in told or not _fact_like(sentences[i]):
            continue
        reporters, versions = _reporters(story, i, threshold, sides)
        told |= versions
        if len(reporters) < 2 or any(sides.get(r) != side for r in reporters):
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


def _reporters(  # noqa: ANN001
    story, i: int, threshold: float, sides: dict[str, str]
) -> tuple[set[str], set[int]]:
    """The outlets that say what sentence ``i`` says (``sentences_match``, whatever their
    figures: an outlet that gives another count still reports the fact), and the indices of
    the sentences that say it. The search ends at the first outlet not on the side of ``i``'s
    (the fact is not one-sided then)."""
    own = story.sentences[i]
    side = sides.get(own.source)

    def stop(outlet: str) -> bool:
        return sides.get(outlet) != side

    cosines = story.vectors @ story.vectors[i]
    close = cosines >= threshold
    versions = set(np.flatnonzero(close).tolist()) | {i}
    reporters = {story.sentences[j].source for j in versions}
    if any(stop(r) for r in reporters):
        return reporters, versions
    for j in np.flatnonzero(~close).tolist():  # below the cosine: most words shared?
        other = story.sentences[j]
        if other.language == own.language and (
            sentences_match(own, other, float(cosines[j]), threshold) >= threshold
        ):
            reporters.add(other.source)
            versions.add(j)
            if stop(other.source):
                break
    return reporters, versions


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


__all__ = ["one_side", "only_in"]
