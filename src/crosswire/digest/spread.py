"""Who covers the story: counts of outlets by leaning, country, language and typology."""

from __future__ import annotations

from collections import Counter

from crosswire.models import Article, Source, Spread
from crosswire.text.sentences import source_of

LEFT = {"left", "lean-left"}
RIGHT = {"right", "lean-right"}
CENTRE = {"center"}
MIN_OUTLETS_FOR_BLINDSPOT = 3


def build_spread(articles: list[Article], sources: dict[str, Source]) -> Spread:
    """Counts over distinct outlets (an outlet with many articles counts once)."""
    outlets: dict[str, Source | None] = {}
    languages: dict[str, str] = {}
    for article in articles:
        name = source_of(article)
        outlets.setdefault(name, sources.get(article.source or ""))
        if article.language:
            languages.setdefault(name, article.language)
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("leaning", "country", "typology")}
    language: Counter[str] = Counter()
    for name, source in outlets.items():
        counts["leaning"][(source and source.leaning) or "unknown"] += 1
        counts["country"][(source and source.country) or "unknown"] += 1
        counts["typology"][(source and source.typology) or "unknown"] += 1
        language[languages.get(name) or (source and source.language) or "unknown"] += 1
    return Spread(
        leaning=dict(counts["leaning"]),
        country=dict(counts["country"]),
        language=dict(language),
        typology=dict(counts["typology"]),
        blindspot=blindspot(list(outlets.values())),
    )


def blindspot(outlets: list[Source | None]) -> str | None:
    """'left' / 'right' when every outlet with a known leaning is on that side, or
    'country:XX' when every outlet with a known country is in XX (needs 3 such outlets)."""
    leanings = [s.leaning for s in outlets if s is not None and s.leaning]
    if len(leanings) >= MIN_OUTLETS_FOR_BLINDSPOT:
        if all(x in LEFT for x in leanings):
            return "left"
        if all(x in RIGHT for x in leanings):
            return "right"
    countries = {s.country for s in outlets if s is not None and s.country}
    known = [s for s in outlets if s is not None and s.country]
    if len(known) >= MIN_OUTLETS_FOR_BLINDSPOT and len(countries) == 1:
        return f"country:{countries.pop()}"
    return None


def side_of(source: Source | None) -> str | None:
    """The side of the spectrum an outlet writes from: "left" (left, lean-left), "center" or
    "right" (lean-right, right); None when its leaning is unknown."""
    leaning = source.leaning if source is not None else None
    for side, leanings in (("left", LEFT), ("center", CENTRE), ("right", RIGHT)):
        if leaning in leanings:
            return side
    return None
