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


def stray_report(start: datetime = datetime(2026, 3, 3, 9, tzinfo=UTC)) -> list[Article]:
    """Three reports, an hour apart: a dam's spillway reopens (1); engineers are suspended,
    told with the reopening (2), so it first joins the story of 1; the suspension alone (3),
    closer to 2 than 2 is to 1."""
    reports = [
        (
            "Brellin dam spillway reopens after the floods",
            "The spillway of the Brellin dam reopened on Tuesday, a week after the floods "
            "swept the valley.",
        ),
        (
            "Brellin engineers suspended over design fault as spillway reopens",
            "The water board suspended two engineers on Tuesday, blamed for a design fault, "
            "as the Brellin dam spillway reopened after the floods.",
        ),
        (
            "Two Brellin engineers suspended over design fault",
            "Two engineers were suspended by the water board on Tuesday, blamed for a design "
            "fault at the Brellin dam; both deny it and will appeal.",
        ),
    ]
    return hourly(reports, "brellin", start)


def early_report(start: datetime = datetime(2026, 3, 3, 9, tzinfo=UTC)) -> list[Article]:
    """Three reports of one ferry strike, an hour apart: the strike (1); the stranded
    islanders, without the strike's words (2), so it starts a story of its own; a report
    that tells both (3), which joins the strike's story."""
    reports = [
        (
            "Ferry strike halts Tessaport crossings",
            "Ferry crews in Tessaport walked out on Monday over unpaid overtime, halting all "
            "crossings to the islands.",
        ),
        (
            "Islanders stranded as crews walk out",
            "Hundreds of islanders were stranded on Monday when crossings stopped; the "
            "operator promised buses and refunds.",
        ),
        (
            "Tessaport ferry crews strike over overtime, islanders stranded",
            "On Monday unpaid overtime sent the Tessaport ferry crews out on strike: "
            "crossings stopped and islanders were stranded.",
        ),
    ]
    return hourly(reports, "tessaport", start)


def hourly(reports: list[tuple[str, str]], slug: str, start: datetime) -> list[Article]:
    """English articles (title, text) from one outlet each, an hour apart, numbered from 1."""
    return [
        Article(
            id=k,
            title=title,
            text=text,
            url=f"https://outlet{k}.example/{slug}/{k}",
            source=f"outlet{k}.example",
            language="en",
            published_at=start + timedelta(hours=k),
        )
        for k, (title, text) in enumerate(reports, start=1)
    ]
