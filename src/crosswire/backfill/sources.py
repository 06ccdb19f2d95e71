"""Find and read archive files: JSON Lines or Parquet in the dataset layout, or WARC files
of web pages; a file or a folder of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crosswire.backfill.warc import read_warc
from crosswire.jsonl import LineError, json_lines

SUFFIXES = (".jsonl", ".json", ".ndjson", ".parquet", ".warc", ".warc.gz")


class SourceError(ValueError):
    """The archive cannot be read; the message is one line."""


def archive_files(source: str | Path) -> list[Path]:
    """``source`` itself, or the archive files in a folder (recursively, sorted by name)."""
    path = Path(source)
    if path.is_file():
        if not path.name.endswith(SUFFIXES):
            raise SourceError(f"{path}: expected a .jsonl, .parquet or .warc(.gz) file")
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))
        if not files:
            raise SourceError(f"{path}: no .jsonl, .parquet or .warc files in this folder")
        return files
    raise SourceError(f"no such file or folder: {path}")


def split_file(path: Path, lines_per_part: int) -> list[tuple[str, int, int]]:
    """Partitions of one file as ``(path, start, stop)``: line ranges for JSON Lines, row
    group ranges for Parquet. Only Parquet metadata and line breaks are read here."""
    if path.name.endswith(".parquet"):
        return _parquet_parts(path, lines_per_part)
    if path.name.endswith((".warc", ".warc.gz")):
        return [(str(path), 0, 0)]  # one partition per WARC file (see backfill/warc.py)
    with path.open("rb") as handle:
        total = sum(1 for _ in handle)
    return [
        (str(path), start, min(total, start + lines_per_part))
        for start in range(0, total, lines_per_part)
    ]


def _parquet_parts(path: Path, rows_per_part: int) -> list[tuple[str, int, int]]:
    """Runs of whole row groups of about ``rows_per_part`` rows: ``(path, first, stop)``."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    parts, first, rows = [], 0, 0
    for group in range(meta.num_row_groups):
        rows += meta.row_group(group).num_rows
        if rows >= rows_per_part:
            parts.append((str(path), first, group + 1))
            first, rows = group + 1, 0
    if first < meta.num_row_groups:
        parts.append((str(path), first, meta.num_row_groups))
    return parts


def read_part(part: tuple[str, int, int]) -> list[dict[str, Any]]:
    """The records of one partition (blank lines skipped)."""
    path, start, stop = part
    if path.endswith(".parquet"):
        return list(_parquet_rows(path, start, stop))
    if path.endswith((".warc", ".warc.gz")):
        return read_warc(path)
    try:
        return [record for _, record in json_lines(path, start, stop)]
    except LineError as exc:
        raise SourceError(str(exc)) from exc


def _parquet_rows(path: str, first_group: int, stop_group: int) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path).read_row_groups(list(range(first_group, stop_group)))
    for row in table.to_pylist():
        if row.get("date") is not None and not isinstance(row["date"], str):
            row["date"] = row["date"].isoformat()  # a timestamp column
        yield row
