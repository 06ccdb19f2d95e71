"""The comparison stage: numbers, diverging claims, quotes and facts only one outlet reports.

Precision first: a conflict is flagged only between sentences of different outlets that the
rules in ``claims`` accept, and every flag carries the sentences from each side."""

from __future__ import annotations

from typing import Any

import numpy as np

from crosswire.compare.claims import MIN_CONFLICT_COSINE, SAME_FIGURE_SUBJECT, detect_conflict
from crosswire.compare.numbers import extract_quantities
from crosswire.compare.only_in import only_in
from crosswire.compare.quotes import collect_quotes

MAX_CONFLICTS = 20


def compare_story(
    story,
    embed=None,
    only_in_per_source: int = 2,
    threshold: float = 0.72,  # noqa: ANN001
) -> dict[str, Any]:
    sentences = story.sentences
    if not sentences:
        return {"numbers": [], "conflicts": [], "quotes": [], "only_in": []}
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
        if cosine >= SAME_FIGURE_SUBJECT and quantities[i] and quantities[j]:
            _add_numbers(
                numbers,
                a,
                b,
                quantities[i],
                quantities[j],
                found is not None and found.kind == "number",
            )
    return {
        "numbers": numbers,
        "conflicts": conflicts,
        "quotes": collect_quotes(sentences),
        "only_in": only_in(story, threshold, only_in_per_source),
    }


def _add_numbers(numbers, a, b, qa, qb, conflict: bool) -> None:  # noqa: ANN001
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
