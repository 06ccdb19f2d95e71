"""The consolidation's vectorised gaps and leads equal the straightforward computation."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.cluster.consolidate import FEATURES, GAPS, LEADS, PAIR_FEATURES, with_gaps


def straightforward(rows: list[np.ndarray]) -> np.ndarray:
    """Each candidate's lead over the best (gaps) and the mean (leads) of the others, one
    row and one feature at a time."""
    pairs = np.array(rows, dtype=float).reshape(len(rows), PAIR_FEATURES)
    gaps = np.zeros((len(rows), len(GAPS) + len(LEADS)))
    for k, (_, name) in enumerate((*GAPS, *LEADS)):
        column = pairs[:, FEATURES.index(name)]
        for i in range(len(rows)):
            if len(rows) == 1:
                gaps[i, k] = column[i]
                continue
            others = np.delete(column, i)
            gaps[i, k] = column[i] - (others.max() if k < len(GAPS) else others.mean())
    return np.hstack([pairs, gaps])


@pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 8, 13])
def test_with_gaps_is_the_straightforward_computation_to_the_bit(count: int) -> None:
    rng = np.random.default_rng(count)
    for _ in range(50):
        scale = 10.0 ** rng.integers(-3, 3, size=PAIR_FEATURES)
        rows = [rng.normal(size=PAIR_FEATURES) * scale for _ in range(count)]
        fast, slow = with_gaps(rows), straightforward(rows)
        assert fast.shape == slow.shape == (count, len(FEATURES))
        assert np.array_equal(fast, slow)


def test_with_gaps_of_equal_candidates_leads_by_nothing() -> None:
    row = np.arange(PAIR_FEATURES, dtype=float)
    gaps = with_gaps([row, row.copy(), row.copy()])[:, PAIR_FEATURES:]
    assert np.array_equal(gaps, np.zeros_like(gaps))
