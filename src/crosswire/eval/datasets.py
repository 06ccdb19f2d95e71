"""Reading the labelled JSONL datasets (layout in ../shared/datasets/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.models import Article, as_utc


def read_jsonl(path: str | Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_labelled_articles(
    path: str | Path, limit: int | None = None, languages: set[str] | None = None
) -> tuple[list[Article], list[str]]:
    """Articles (numbered from 1) and their gold story labels, in date order when every
    record is dated, else in file order. ``languages`` keeps only those ISO 639-1 codes."""
    records = [r for r in read_jsonl(path) if not languages or (r.get("lang") or "") in languages]
    if records and all(r.get("date") for r in records):
        records.sort(key=lambda r: as_utc(r["date"]))  # stable: file order within a date
    if limit is not None:
        records = records[:limit]
    articles = [
        Article(
            id=i,
            external_id=str(r.get("id", i)),
            title=r.get("title") or "",
            text=r.get("text") or "",
            url=r.get("url"),
            language=r.get("lang"),
            source=r.get("source"),
            published_at=as_utc(r.get("date")),
        )
        for i, r in enumerate(records, start=1)
    ]
    return articles, [str(r["story"]) for r in records]
