"""Where the story happens: the countries its reports name in their headline and opening
sentence, in the reader's language."""

from __future__ import annotations

from collections import Counter

from crosswire.cluster.text import opening
from crosswire.models import Article, Place
from crosswire.text.places import countries, country_name

MAX_PLACES = 5


def story_places(articles: list[Article], reader_language: str) -> list[Place]:
    """Countries named in the headline or first sentence of at least a third of
    ``articles`` (the digest's representative ones, at most ``max_articles``; most named
    first, at most ``MAX_PLACES``).
    A country the body alone names (a reaction from abroad, a comparison) is not where the
    story happens."""
    named: Counter[str] = Counter()
    for article in articles:
        named.update(countries(opening(article, 1), article.language))
    least = max(1, -(-len(articles) // 3))
    # most named first; a tie goes by code, so every process lists the places alike
    ranked = sorted((code for code, n in named.items() if n >= least), key=lambda c: (-named[c], c))
    return [
        Place(code=code, name=country_name(code, reader_language), articles=named[code])
        for code in ranked[:MAX_PLACES]
    ]
