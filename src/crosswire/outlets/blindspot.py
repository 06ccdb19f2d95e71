"""Blindspots: stories reported mostly from one side of the rated spectrum.

A story is a blindspot when at least ``MIN_RATED`` of its outlets have a leaning and at
least ``MOSTLY`` of those are on one side (left: left and lean-left; right: lean-right and
right; or center). Outlets without a rating count for nothing either way.
"""

from __future__ import annotations

from collections.abc import Iterable

from crosswire.digest.spread import side_of
from crosswire.models import Source

MIN_RATED = 3
MOSTLY = 0.75
SIDES = ("left", "center", "right")
SIDE_WORDS = {"left": "left-leaning", "center": "center", "right": "right-leaning"}


def side_counts(domains: Iterable[str], table: dict[str, Source]) -> dict[str, int]:
    """Outlets per side of the spectrum, and ``not rated`` for the others."""
    counts = dict.fromkeys((*SIDES, "not rated"), 0)
    for domain in dict.fromkeys(domains):
        side = side_of(table.get(domain))
        counts[side or "not rated"] += 1
    return counts


def blindspot_side(counts: dict[str, int]) -> str | None:
    """The side that reports the story mostly (see the module's doc), or None."""
    rated = sum(counts.get(s, 0) for s in SIDES)
    if rated < MIN_RATED:
        return None
    top = max(SIDES, key=lambda s: counts.get(s, 0))
    return top if counts.get(top, 0) >= MOSTLY * rated else None


def describe(counts: dict[str, int]) -> str:
    """'3 left-leaning outlets, 1 center outlet and no right-leaning outlet (2 not rated)'."""

    def words(n: int, side: str) -> str:
        noun = "outlet" if n == 1 else "outlets"
        return f"{'no' if n == 0 else n} {SIDE_WORDS[side]} {'outlet' if n == 0 else noun}"

    parts = [words(counts.get(s, 0), s) for s in SIDES]
    text = f"{parts[0]}, {parts[1]} and {parts[2]}"
    unrated = counts.get("not rated", 0)
    return text + (f" ({unrated} not rated)" if unrated else "")
