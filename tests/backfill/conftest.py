"""A small archive of invented events, and a light in-process Dask cluster."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

EVENTS = [
    ("Quarry", "flood", "Marlow Vale", "river barges stranded near the old quarry"),
    ("Orchard", "frost", "Tillbrook", "apple growers count losses after a night of frost"),
    ("Tramline", "strike", "Port Henning", "tram drivers walk out over new rosters"),
    ("Lighthouse", "auction", "Cape Ondry", "the decommissioned lighthouse sold to a trust"),
    ("Glacier", "survey", "Hallstrand", "surveyors measure the glacier retreating again"),
    ("Ferry", "collision", "Brennock Sound", "two ferries touch in fog, nobody hurt"),
]
ANGLES = ["reported", "confirmed", "described", "questioned", "welcomed"]


def archive_records(seed: int = 3) -> list[dict]:
    """Five reports of each invented event, days apart per event, in shuffled file order."""
    rng = random.Random(seed)
    start = datetime(2026, 2, 1, 8, tzinfo=UTC)
    records = []
    for e, (name, kind, place, lead) in enumerate(EVENTS):
        for k, angle in enumerate(ANGLES):
            when = start + timedelta(days=3 * e, hours=k * 2 + rng.randint(0, 1))
            records.append(
                {
                    "id": f"ev{e}-{k}",
                    "story": f"event-{e}",
                    "lang": "en",
                    "date": when.isoformat(),
                    "source": f"paper{k}.example",
                    "url": f"https://paper{k}.example/{name.lower()}-{kind}",
                    "title": f"{place} {kind}: {lead} ({angle})",
                    "text": f"In {place}, the {name.lower()} {kind} was {angle} by officials. "
                    f"Residents of {place} said {lead}. The {kind} in {place} is the main "
                    f"news of the day, and more updates on the {name.lower()} are expected.",
                }
            )
    rng.shuffle(records)
    return records


@pytest.fixture
def archive(tmp_path) -> Path:
    path = tmp_path / "archive.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in archive_records():
            handle.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def dask_client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
    )
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()
