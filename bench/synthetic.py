"""Synthetic article streams whose stories are known, for benchmarks (no third-party text).

Each story has its own invented place, people and numbers; its articles mix those with
generic news words, so stories are separable but not trivially identical.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

SYLLABLES = "ka lo mi ra ne to su va de ri po la zu fe ni mo ta ve si".split()
GENERIC = (
    "officials said on the report after a meeting with residents where the government "
    "announced new measures and critics warned that the plan could face delays while "
    "investigators continued to examine what happened during the week"
).split()


def _word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def articles(n: int, per_story: int = 5, seed: int = 7) -> Iterator[dict]:
    """``n`` article records in the dataset layout, in time order, ``per_story`` per story."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    stories = max(1, n // per_story)
    # stories overlap in time: each runs for a day or two, a new one every few minutes
    for i in range(n):
        story = min(stories - 1, i // per_story)
        srng = random.Random(seed * 1_000_003 + story)
        place, person, thing = _word(srng), _word(srng, 2), _word(srng, 2).lower()
        figure = srng.randint(2, 9000)
        when = start + timedelta(minutes=story * 3 + rng.randint(0, 600))
        filler = " ".join(rng.choice(GENERIC) for _ in range(60))
        yield {
            "id": f"syn-{i}",
            "story": f"s{story}",
            "lang": "en",
            "date": when.isoformat(),
            "source": f"outlet{rng.randint(1, 40)}.example",
            "url": f"https://outlet.example/{story}/{i}",
            "title": f"{person} and the {thing} in {place}: {figure} affected",
            "text": f"In {place}, {person} said the {thing} affected {figure} people. {filler}. "
            f"{person} added that {place} would review the {thing}.",
        }


def write_jsonl(path: Path, n: int, **kw) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in articles(n, **kw):
            handle.write(json.dumps(record) + "\n")
    return path
