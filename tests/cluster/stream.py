"""A small invented article stream with known stories (no third-party text)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from crosswire.models import Article

PLACES = ["Corvane", "Lissendor", "Marrowby", "Quillhaven", "Tessaport", "Umbrelle"]
EVENTS = [
    ("bridge collapse", "engineers inspected the cracked pylons and closed the river road"),
    ("water strike", "pumping station workers walked out over unpaid overtime and shifts"),
    ("museum theft", "thieves removed three bronze masks from the east gallery overnight"),
    ("wildfire", "crews cut firebreaks as dry wind pushed flames toward the vineyards"),
    ("rail merger", "two regional rail operators agreed to combine their timetables"),
    ("flood warning", "forecasters raised the river alert after four days of rain"),
]
FILLER = "residents said the council would meet again while officials promised updates".split()


def make_stream(per_story: int = 4, seed: int = 3) -> tuple[list[Article], list[int]]:
    """Articles in time order and their story labels: six events, ``per_story`` each."""
    rng = random.Random(seed)
    start = datetime(2026, 3, 1, tzinfo=UTC)
    items = []
    for label, ((event, detail), place) in enumerate(zip(EVENTS, PLACES, strict=True)):
        figure = 100 + 37 * label
        for k in range(per_story):
            words = rng.sample(FILLER, 6)
            items.append(
                (
                    start + timedelta(hours=label * 5 + k * 3),
                    label,
                    f"{place} {event}: {figure} affected, report {k}",
                    f"In {place}, {detail}. {figure} people were affected by the {event}. "
                    + " ".join(words)
                    + f". Outlet {k} spoke to people in {place} about the {event}.",
                )
            )
    items.sort(key=lambda item: (item[0], item[1]))
    articles = [
        Article(
            id=i,
            title=title,
            text=text,
            published_at=when,
            language="en",
            source=f"outlet{i}.example",
            url=f"https://outlet{i}.example/{i}",
        )
        for i, (when, _, title, text) in enumerate(items, start=1)
    ]
    return articles, [label for _, label, _, _ in items]
