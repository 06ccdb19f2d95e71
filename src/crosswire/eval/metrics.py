"""Clustering scores: pair counting (as Priberam's ScoreSet) and B-cubed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from fractions import Fraction
from typing import TypeVar

T = TypeVar("T", float, Fraction)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_pairs(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1 over same-story pairs."""
    table = Counter(zip(gold, predicted, strict=True))
    tp = sum(_pairs(n) for n in table.values())
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted).values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold).values())
    # counts, so the scores are exact fractions, each given as the float nearest it (2PR /
    # (P + R) in floats can land a unit in the last place off: 0.7499999999999999 for 3/4)
    precision = Fraction(tp, predicted_pairs) if predicted_pairs else Fraction(1)
    recall = Fraction(tp, gold_pairs) if gold_pairs else Fraction(1)
    return {
        "pairwise_precision": float(precision),
        "pairwise_recall": float(recall),
        "pairwise_f1": float(_f1(precision, recall)),
    }


def score_bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed precision, recall and F1 averaged over items."""
    table = Counter(zip(gold, predicted, strict=True))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    n = len(gold)
    if not n:
        return {"bcubed_precision": 1.0, "bcubed_recall": 1.0, "bcubed_f1": 1.0}
    precision = sum(c * c / predicted_sizes[p] for (g, p), c in table.items()) / n
    recall = sum(c * c / gold_sizes[g] for (g, p), c in table.items()) / n
    return {
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "bcubed_f1": _f1(precision, recall),
    }


def _f1(precision: T, recall: T) -> T:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0 * precision
