"""The comparison stage: numbers, diverging claims, quotes, and facts only one outlet or one
side of the spectrum reports.

Precision first: a conflict is flagged only between sentences of different outlets that the
rules in ``claims`` accept, and every flag carries the sentences from each side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from crosswire.compare.claims import MIN_CONFLICT_COSINE, SAME_FIGURE_SUBJECT, detect_conflict
from crosswire.compare.discrepancies import (
    context_conflicts,
    count_conflicts,
    day_conflicts,
    quote_conflicts,
)
from crosswire.compare.numbers import Quantity, extract_quantities, value_given
from crosswire.compare.only_in import figures_of, one_side, only_in
from crosswire.compare.people import speaker_names
from crosswire.compare.quotes import collect_quotes, quotations
from crosswire.compare.slots import slot_differences
from crosswire.models import (
    Comparison,
    Conflict,
    ConflictSide,
    Dispute,
    DisputeSide,
    FigureRow,
    FigureValue,
    OneSide,
    OnlyIn,
    Quote,
    QuoteVersion,
    SideEvidence,
    SummaryEntry,
)
from crosswire.text.matching import sentences_match
from crosswire.text.sentences import Sentence, StorySentences

MAX_CONFLICTS = 20
# Different figures given by reports this far apart, each side's reports all before the
# other's, describe a figure that changed as the story developed (a toll that rose, a count
# that was corrected), not outlets that disagree: such a difference is ``changed``, sides in
# time order, and no summary sentence is "disputed" by it.
UPDATE_GAP_HOURS = 3.0


@dataclass(frozen=True)
class CompareOptions:
    """How ``compare_story`` compares. ``shown``: indices of sentences the summary already
    shows (they are not listed again as facts only one outlet or one side reports); quotes
    read in ``reader_language`` where a version of them does. ``sides`` maps outlets to their
    side of the spectrum ("left", "center", "right"; ``spread.side_of``) for the facts only
    one side reports. ``published`` maps article ids to their publication times: figures
    that changed between reports are told apart from those outlets disagree on."""

    embed: Any = None  # an object with encode() for quotes across languages
    only_in_per_source: int = 2
    threshold: float = 0.72
    shown: frozenset[int] = frozenset()
    reader_language: str | None = None
    sides: Mapping[str, str] = field(default_factory=dict)
    published: Mapping[int, datetime] = field(default_factory=dict)


def compare_story(story: StorySentences, options: CompareOptions) -> Comparison:
    """Figures, conflicts, quotes and facts only one outlet or one side reports, for
    ``story``'s sentences."""
    threshold, published = options.threshold, dict(options.published)
    sentences = story.sentences
    if not sentences:
        return Comparison()
    similarity = story.vectors @ story.vectors.T
    quantities = {i: extract_quantities(s.text) for i, s in enumerate(sentences)}
    conflicts: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []
    # only pairs close enough for some rule to fire, in the order of a loop over i < j
    for i, j in np.argwhere(np.triu(similarity >= MIN_CONFLICT_COSINE, k=1)).tolist():
        a, b = sentences[i], sentences[j]
        if a.source == b.source or len(conflicts) >= MAX_CONFLICTS:
            continue
        cosine = float(similarity[i, j])
        found = detect_conflict(a.text, b.text, cosine)
        if found is not None:
            conflicts.append(
                {
                    "kind": found.kind,
                    "topic": found.topic,
                    "sides": [
                        {
                            "claim": found.claim_a,
                            "sources": [a.source],
                            "sentence": a.text,
                            "article_id": a.article_id,
                        },
                        {
                            "claim": found.claim_b,
                            "sources": [b.source],
                            "sentence": b.text,
                            "article_id": b.article_id,
                        },
                    ],
                }
            )
        # a figure conflict aligns its sentences' figures whatever their cosine: the rule
        # that found it judged them to be about one thing
        differ = found is not None and found.kind == "number"
        if (differ or cosine >= SAME_FIGURE_SUBJECT) and quantities[i] and quantities[j]:
            _add_numbers(numbers, a, b, quantities[i], quantities[j], differ)
    figures = [figures_of(quantities[i]) for i in range(len(sentences))]
    # what sentence similarity does not pair: counts of one thing, days, a quotation's words
    paired = {(c["sides"][0]["sentence"], c["sides"][1]["sentence"]) for c in conflicts}
    for extra in (
        count_conflicts(sentences)
        + context_conflicts(sentences)
        + day_conflicts(sentences, published)
        + quote_conflicts(quotations(sentences))
        + slot_differences(sentences)
    ):
        if (extra["sides"][0]["sentence"], extra["sides"][1]["sentence"]) not in paired:
            conflicts.append(extra)
    grouped = group_conflicts(conflicts)
    widen_figure_sides(grouped, story, similarity, quantities, threshold)
    mark_changed(grouped, numbers, published)
    return Comparison(
        numbers=[_figure_row(row) for row in numbers],
        conflicts=[_conflict(c) for c in grouped],
        quotes=_one_name_each(
            [
                _quote(q)
                for q in collect_quotes(
                    sentences, options.embed, threshold, options.reader_language
                )
            ],
            sentences,
        ),
        only_in=[
            OnlyIn(o["source"], o["article_id"], o["sentence"])
            for o in only_in(
                story, similarity, figures, threshold, options.only_in_per_source, options.shown
            )
        ],
        one_side=[
            OneSide(**f)
            for f in one_side(
                story,
                similarity,
                figures,
                dict(options.sides),
                threshold,
                options.only_in_per_source,
                options.shown,
                options.reader_language,
            )
        ],
    )


def _figure_row(row: dict[str, Any]) -> FigureRow:
    return FigureRow(
        subject=row["subject"],
        conflict=row["conflict"],
        values=[FigureValue(**v) for v in row["values"]],
        changed=row.get("changed", False),
    )


def _conflict(conflict: dict[str, Any]) -> Conflict:
    return Conflict(
        kind=conflict["kind"],
        topic=conflict["topic"],
        sides=[
            ConflictSide(
                claim=side["claim"],
                sources=list(side["sources"]),
                sentence=side["sentence"],
                article_id=side["article_id"],
                evidence=[SideEvidence(**e) for e in side["evidence"]],
                published=side.get("published"),
            )
            for side in conflict["sides"]
        ],
        changed=conflict.get("changed", False),
    )


def _one_name_each(quotes: list[Quote], sentences: list[Sentence]) -> list[Quote]:
    """The quotes with each speaker shown by one name (``people.speaker_names``)."""
    names = speaker_names([q.speaker for q in quotes], [s.text for s in sentences])
    for q in quotes:
        q.speaker = names.get(q.speaker or "", q.speaker)
    return quotes


def _quote(quote: dict[str, Any]) -> Quote:
    return Quote(
        quote=quote["quote"],
        speaker=quote["speaker"],
        sources=list(quote["sources"]),
        translations=[QuoteVersion(**t) for t in quote["translations"]],
    )


def group_conflicts(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per disagreement instead of one per pair of sentences: pairs of the same
    kind and topic that share a sentence are one disagreement ("killed" in two outlets,
    "injured" in a third is one row of two sides, not two rows). Each side keeps its first
    sentence (``sentence``, ``article_id``) and lists every outlet's (``evidence``)."""
    parent = list(range(len(pairs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, str, int, str], int] = {}
    for i, pair in enumerate(pairs):
        for side in pair["sides"]:
            key = (pair["kind"], pair["topic"], side["article_id"], side["sentence"])
            if key in seen:
                parent[root(i)] = root(seen[key])
            else:
                seen[key] = i
    grouped: dict[int, dict[str, Any]] = {}
    for i, pair in enumerate(pairs):
        entry = grouped.setdefault(
            root(i), {"kind": pair["kind"], "topic": pair["topic"], "sides": []}
        )
        for side in pair["sides"]:
            _add_side(entry["sides"], side)
    return list(grouped.values())


def widen_figure_sides(
    conflicts: list[dict[str, Any]],
    story: StorySentences,
    similarity: np.ndarray,
    quantities: dict[int, list[Quantity]],
    threshold: float,
) -> None:
    """Every other outlet that says what a side of a figure difference says
    (``sentences_match``), with that side's figure and none of another side's, joins the
    side: the pairs the rules compare are the closest ones, and an outlet that repeats a
    figure in other words counts as much (and, for ``mark_changed``, when it did)."""
    sentences = story.sentences
    index = {(s.article_id, s.text): k for k, s in enumerate(sentences)}
    for conflict in conflicts:
        if conflict["kind"] != "number":
            continue
        found: list[tuple[int, Quantity | None]] = []
        for side in conflict["sides"]:
            k = index[(side["article_id"], side["sentence"])]
            found.append((k, next((q for q in quantities[k] if q.text == side["claim"]), None)))
        figures = [(k, figure) for k, figure in found if figure is not None]
        if len(figures) < len(found):
            continue
        on_a_side = {
            (e["article_id"], e["sentence"]) for s in conflict["sides"] for e in s["evidence"]
        }
        for n, (k, figure) in enumerate(figures):
            own = sentences[k]
            others = [f for m, (_, f) in enumerate(figures) if m != n]
            for j, other in enumerate(sentences):
                if other.source == own.source or (other.article_id, other.text) in on_a_side:
                    continue
                said = sentences_match(own, other, float(similarity[k, j]), threshold)
                # in another language the unit word differs ("personnes"): the value decides
                any_unit = other.language != own.language
                if said < threshold or not _gives(quantities[j], figure, any_unit):
                    continue
                if any(_gives(quantities[j], f, any_unit) for f in others):
                    continue  # "rose from 12 to 31" is on no side
                _add_side(
                    conflict["sides"],
                    {
                        "claim": conflict["sides"][n]["claim"],
                        "sources": [other.source],
                        "sentence": other.text,
                        "article_id": other.article_id,
                    },
                )
                on_a_side.add((other.article_id, other.text))


def _gives(quantities: list[Quantity], figure: Quantity, any_unit: bool = False) -> bool:
    same = [q for q in quantities if any_unit or q.unit == figure.unit]
    return value_given(figure.value, same)


def mark_changed(
    conflicts: list[dict[str, Any]], numbers: list[dict[str, Any]], published: dict[int, datetime]
) -> None:
    """Mark the figure differences whose sides follow one another in time, each side's
    reports published ``UPDATE_GAP_HOURS`` or more before the next side's first one:
    ``changed``, sides earliest first, each with the time of its first report
    (``published``). Their rows in ``numbers`` leave the conflicting ones (``changed``
    instead), unless another difference on the same figure is a dispute."""
    gap = timedelta(hours=UPDATE_GAP_HOURS)
    disputed = set()
    for conflict in conflicts:
        if conflict["kind"] != "number":
            continue
        spans = []
        for side in conflict["sides"]:
            times = [published.get(e["article_id"]) for e in side["evidence"]]
            known = [t for t in times if t is not None]
            if len(known) < len(times):
                break
            spans.append((min(known), max(known), side))
        else:
            spans.sort(key=lambda span: span[0])
            if all(a[1] + gap <= b[0] for a, b in zip(spans, spans[1:], strict=False)):
                conflict["changed"] = True
                conflict["sides"] = [
                    {**side, "published": first.isoformat()} for first, _, side in spans
                ]
                continue
        disputed.add(conflict["topic"])
    changed = {c["topic"] for c in conflicts if c.get("changed")} - disputed
    for row in numbers:
        if row["conflict"] and row["subject"] in changed:
            row["conflict"], row["changed"] = False, True


def _add_side(sides: list[dict[str, Any]], side: dict[str, Any]) -> None:
    evidence = {k: side[k] for k in ("article_id", "sentence")} | {"source": side["sources"][0]}
    same = next((s for s in sides if s["claim"].casefold() == side["claim"].casefold()), None)
    if same is None:
        sides.append({**side, "sources": list(side["sources"]), "evidence": [evidence]})
        return
    if evidence not in same["evidence"]:
        same["evidence"].append(evidence)
    for source in side["sources"]:
        if source not in same["sources"]:
            same["sources"].append(source)


def disputes_of(entry: SummaryEntry, conflicts: list[Conflict]) -> list[Dispute]:
    """The disagreements a summary sentence takes part in: those with the sentence itself,
    or one of the sentences credited to it, on one of their sides (``here`` marks them)."""
    said = {(entry.article_id, entry.text)}
    said |= {(e.article_id, e.sentence) for e in entry.evidence}
    found = []
    for conflict in conflicts:
        sides = [
            DisputeSide(
                claim=side.claim,
                sources=side.sources,
                published=side.published,
                here=any((e.article_id, e.sentence) in said for e in side.evidence),
            )
            for side in conflict.sides
        ]
        if any(side.here for side in sides):
            found.append(Dispute(kind=conflict.kind, topic=conflict.topic, sides=sides))
    return found


def _add_numbers(
    numbers: list[dict[str, Any]],
    a: Sentence,
    b: Sentence,
    qa: list[Quantity],
    qb: list[Quantity],
    conflict: bool,
) -> None:
    """Figures with the same unit in two matching sentences of different outlets."""
    for x in qa:
        for y in qb:
            if x.unit != y.unit or not x.unit:
                continue
            row = next((r for r in numbers if r["subject"] == x.unit), None)
            if row is None:
                row = {"subject": x.unit, "conflict": False, "values": []}
                numbers.append(row)
            row["conflict"] = row["conflict"] or (conflict and x.value != y.value)
            for q, s in ((x, a), (y, b)):
                value = {
                    "text": q.text,
                    "value": q.value,
                    "unit": q.unit,
                    "source": s.source,
                    "article_id": s.article_id,
                    "sentence": s.text,
                }
                if value not in row["values"]:
                    row["values"].append(value)
