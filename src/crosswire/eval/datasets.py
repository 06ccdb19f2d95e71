"""Reading the labelled JSONL datasets (layout in ../shared/datasets/README.md)."""

from __future__ import annotations

from pathlib import Path

from crosswire.jsonl import LineError, json_lines
from crosswire.models import Article, as_utc


class DatasetError(ValueError):
    """A dataset file that cannot be read as the evaluation needs it (one line, with the
    file and line number)."""


def read_jsonl(path: str | Path, required: tuple[str, ...] = ()) -> list[dict]:
    """The JSON objects of a JSON Lines file (blank lines skipped), each with the
    ``required`` keys; anything else is a ``DatasetError`` naming the line."""
    try:
        return [_record(path, number, value, required) for number, value in json_lines(path)]
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc.strerror}") from exc
    except LineError as exc:
        raise DatasetError(str(exc)) from exc


def _record(path: str | Path, number: int, record: object, required: tuple[str, ...]) -> dict:
    where = f"{path}:{number}"
    if not isinstance(record, dict):
        raise DatasetError(f"{where}: expected a JSON object")
    missing = [key for key in required if key not in record]
    if missing:
        raise DatasetError(f"{where}: missing {', '.join(repr(k) for k in missing)}")
    return record


def load_labelled_articles(
    path: str | Path, limit: int | None = None, languages: set[str] | None = None
) -> tuple[list[Article], list[str]]:
    """Articles (numbered from 1) and their gold story labels, in date order when every
    record is dated, else in file order. ``languages`` keeps only those ISO 639-1 codes."""
    records = [
        r
        for r in read_jsonl(path, required=("story",))
        if not languages or (r.get("lang") or "") in languages
    ]
    if records and all(r.get("date") for r in records):
        records.sort(key=lambda r: _date(path, r))  # stable: file order within a date
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
            published_at=_date(path, r),
        )
        for i, r in enumerate(records, start=1)
    ]
    return articles, [str(r["story"]) for r in records]


def _date(path: str | Path, record: dict):  # noqa: ANN202 - datetime | None
    try:
        return as_utc(record.get("date"))
    except (TypeError, ValueError) as exc:
        raise DatasetError(
            f"{path}: record {record.get('id', '?')}: 'date' is not an ISO-8601 date: "
            f"{record.get('date')!r}"
        ) from exc
