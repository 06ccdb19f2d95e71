"""Authors: a byline split into names."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)


def split_byline(byline: str | None) -> list[str]:
    """The names of a byline as crosswire stores it ("A, B and C")."""
    if not byline:
        return []
    return [name for name in (p.strip() for p in _SPLIT.split(byline)) if name]
