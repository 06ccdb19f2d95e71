"""Copies made in code from a dataset's articles: what syndication does to wire copy.

- ``exact``: the same text under another URL;
- ``retitled``: a new headline over the same body;
- ``trimmed``: the first two thirds of the body (sentences cut from the end);
- ``edited``: about one word in twelve replaced or dropped;
- ``trimmed_edited``: both.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from crosswire.models import Article

KINDS = ("exact", "retitled", "trimmed", "edited", "trimmed_edited")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_FILLER = "reportedly also now still officially locally".split()


def trim(text: str, share: float = 2 / 3) -> str:
    sentences = _SENTENCE.split(text.strip())
    if len(sentences) < 3:
        words = text.split()
        return " ".join(words[: max(1, int(len(words) * share))])
    return " ".join(sentences[: max(1, round(len(sentences) * share))])


def edit(text: str, rng: random.Random, rate: float = 1 / 12) -> str:
    out = []
    for word in text.split():
        roll = rng.random()
        if roll < rate / 2:
            continue
        out.append(rng.choice(_FILLER) if roll < rate else word)
    return " ".join(out)


def make_variant(article: Article, kind: str, rng: random.Random, new_id: int) -> Article:
    """A copy of ``article`` of the given kind, as another outlet would publish it."""
    text, title = article.text, article.title
    if kind == "retitled":
        title = f"{rng.choice(['Report:', 'Update:', 'Watch:'])} {' '.join(title.split()[::-1])}"
    if kind in ("trimmed", "trimmed_edited"):
        text = trim(text)
    if kind in ("edited", "trimmed_edited"):
        text = edit(text, rng)
    return replace(
        article,
        id=new_id,
        title=title,
        text=text,
        url=f"https://copy{new_id}.example/{kind}",
        canonical_url=None,
        source=f"copy{new_id}.example",
        content_hash=None,
    )
