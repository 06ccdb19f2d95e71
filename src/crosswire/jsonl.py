"""Reading JSON Lines files: one JSON value per line, blank lines skipped, and a line that
cannot be read named by its file and number (imports, evaluation datasets and archive
partitions all read them so)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class LineError(ValueError):
    """A line that is not UTF-8 text or not JSON; the message names the file and line."""

    def __init__(self, path: str | Path, number: int, reason: str) -> None:
        super().__init__(f"{path}:{number}: {reason}")
        self.path, self.number, self.reason = str(path), number, reason


def json_lines(
    path: str | Path, start: int = 0, stop: int | None = None
) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line among lines ``start`` to ``stop``
    (0-based, ``stop`` excluded; numbers count from 1, as editors do). ``OSError`` when the
    file cannot be opened, ``LineError`` at the first line that cannot be decoded."""
    with open(path, "rb") as handle:
        for index, raw in enumerate(handle):
            if stop is not None and index >= stop:
                break
            if index < start or not raw.strip():
                continue
            yield index + 1, _decode(path, index + 1, raw)


def _decode(path: str | Path, number: int, raw: bytes) -> Any:  # noqa: ANN401 - any JSON value
    try:
        return json.loads(raw.decode("utf-8-sig"))  # a byte-order mark some editors write
    except UnicodeDecodeError as exc:
        raise LineError(path, number, "not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise LineError(path, number, f"invalid JSON ({exc.msg})") from exc
