"""How an outlet's leaning is shown, and a story's spread of outlets as the pages draw it.

An outlet the registry knows but nobody rated is "not rated"; an outlet crosswire knows
nothing of is "unknown". The story header, its badges and its spread chart all read the
same resolved outlets (the store's ``sources`` rows), so they agree.
"""

from __future__ import annotations

import json

from crosswire.digest.spread import build_spread
from crosswire.models import Article, Source, Spread
from crosswire.outlets.model import CCTLD, PAGE
from crosswire.text.sentences import source_of

NOT_RATED = "not rated"
UNKNOWN = "unknown"


def is_known(source: Source | None) -> bool:
    """The registry, a feed list or the operator described this outlet (a country read
    from its domain or a name read from its pages is not a description)."""
    if source is None or not source.provenance:
        return False
    try:
        given = json.loads(source.provenance)
    except ValueError:
        return True  # a feed list's free-text provenance
    if not isinstance(given, dict):
        return True
    return any(v not in (CCTLD, PAGE) for v in given.values())


def leaning_key(source: Source | None) -> str:
    """Its leaning, else "not rated" (known outlet) or "unknown"."""
    if source is not None and source.leaning:
        return source.leaning
    return NOT_RATED if is_known(source) else UNKNOWN


def story_spread(articles: list[Article], table: dict[str, Source]) -> Spread:
    """The digest's spread (outlets by leaning, country, language, typology) over the
    outlets as they are known now, with "not rated" apart from "unknown"."""
    spread = build_spread(articles, table)
    outlets: dict[str, Source | None] = {}
    for article in articles:
        outlets.setdefault(source_of(article), table.get(article.source or ""))
    leanings: dict[str, int] = {}
    for source in outlets.values():
        key = leaning_key(source)
        leanings[key] = leanings.get(key, 0) + 1
    spread.leaning = leanings
    return spread
