"""Feed parsing scored on public feed corpora (``../shared/datasets/feeds``).

Every file under the dataset folder is read the way ``crosswire feeds parse FILE`` reads it
(``parse_feed`` on its bytes) and counted as parsed, a clear error (``FeedError``, one line)
or a traceback (any other exception: a bug). Where rss-parser's expected output exists
(``rss-parser/expected_output/<name>.json`` beside ``rss-parser/input/<name>.*``), the entries
are compared item by item, in order:

- entry count: files whose number of entries equals rss-parser's (an expected item with no
  title, link, content, date or id is no entry: crosswire has nothing to store for it);
- title: whitespace-collapsed text equal to rss-parser's title as written or as the text of
  its markup (rss-parser leaves ``&#x0024;`` and ``<sup>`` of a CDATA title as they are); a
  U+FFFD in the expected title — a byte rss-parser could not decode — matches any one
  character;
- link: equal once both are made absolute against the same base;
- date: the same instant to the second as rss-parser's ``isoDate``; items whose ``pubDate``
  rss-parser could not read (no ``isoDate``) are counted apart, as dates rss-parser missed.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from crosswire.extract.text import plain_text
from crosswire.ingest.errors import FeedError
from crosswire.ingest.feeds import ParsedFeed, parse_feed
from crosswire.models import Article, as_utc

BASE = "http://feeds.example/"  # the URL every file is parsed as fetched from
_ENTRY_FIELDS = ("title", "link", "content", "pubDate", "isoDate", "guid", "id")
_SKIP = {"SOURCE.md", "README.md", "manifest.jsonl"}


@dataclass
class FeedScores:
    files: int = 0
    parsed: int = 0
    clear_errors: int = 0
    tracebacks: int = 0
    traceback_files: list[str] = field(default_factory=list)
    compared_files: int = 0
    count_agree: int = 0
    items: int = 0
    titles: int = 0
    title_agree: int = 0
    links: int = 0
    link_agree: int = 0
    dates: int = 0
    date_agree: int = 0
    dates_rss_parser_missed: int = 0
    dates_read_where_missed: int = 0
    seconds: float = 0.0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self, show_misses: bool = False) -> dict[str, Any]:
        def share(hit: int, total: int) -> float | None:
            return round(hit / total, 4) if total else None

        out: dict[str, Any] = {
            "files": self.files,
            "parsed": self.parsed,
            "clear_errors": self.clear_errors,
            "tracebacks": self.tracebacks,
            "traceback_files": self.traceback_files,
            "rss_parser": {
                "files": self.compared_files,
                "entry_count": share(self.count_agree, self.compared_files),
                "items": self.items,
                "titles": share(self.title_agree, self.titles),
                "links": share(self.link_agree, self.links),
                "dates": share(self.date_agree, self.dates),
                "dates_compared": self.dates,
                "dates_rss_parser_missed": self.dates_rss_parser_missed,
                "of_which_crosswire_read": self.dates_read_where_missed,
            },
            "files_per_second": round(self.files / self.seconds, 1) if self.seconds else 0.0,
        }
        if show_misses:
            out["misses"] = self.misses
        return out


def feed_files(root: Path) -> Iterator[Path]:
    """Every feed file under ``root``, in a stable order (expected outputs and notes left out)."""
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name in _SKIP or path.name.endswith(".serde.json"):
            continue
        if "expected_output" in path.parts:
            continue
        yield path


def read_feed_file(path: Path) -> ParsedFeed:
    """The feed in ``path`` as ``crosswire feeds parse`` reads it."""
    return parse_feed(path.read_bytes(), urljoin(BASE, path.name))


def load_json_lenient(path: Path) -> Any:
    """A JSON file that is UTF-8, or else Latin-1 (one of rss-parser's outputs is)."""
    raw = path.read_bytes()
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return json.loads(raw.decode("latin-1"))


def evaluate_feeds(dataset: str | Path, limit: int | None = None) -> FeedScores:
    root = Path(dataset)
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a folder")
    scores = FeedScores()
    for index, path in enumerate(feed_files(root)):
        if limit is not None and index >= limit:
            break
        scores.files += 1
        started = time.perf_counter()
        try:
            feed: ParsedFeed | None = read_feed_file(path)
        except FeedError:
            scores.clear_errors += 1
            feed = None
        except Exception as exc:  # noqa: BLE001 - what the evaluation counts
            scores.tracebacks += 1
            scores.traceback_files.append(f"{path.relative_to(root)}: {type(exc).__name__}")
            feed = None
        scores.seconds += time.perf_counter() - started
        if feed is not None:
            scores.parsed += 1
        expected = _expected_output(path)
        if expected is not None:
            _compare(scores, path.stem, feed.articles if feed else [], expected)
    return scores


def _expected_output(path: Path) -> list[dict[str, Any]] | None:
    if path.parent.name != "input":
        return None
    target = path.parent.parent / "expected_output" / f"{path.stem}.json"
    if not target.is_file():
        return None
    try:
        data = load_json_lenient(target)
    except ValueError:
        return None
    feed = data.get("feed", data) if isinstance(data, dict) else {}
    items = feed.get("items") if isinstance(feed, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _compare(scores: FeedScores, name: str, ours: list[Article], gold: list[dict]) -> None:
    scores.compared_files += 1
    gold = [item for item in gold if any(item.get(k) for k in _ENTRY_FIELDS)]
    if len(ours) == len(gold):
        scores.count_agree += 1
    else:
        scores.misses.append({"file": name, "entries": len(ours), "expected": len(gold)})
    for index, item in enumerate(gold):
        scores.items += 1
        mine = ours[index] if index < len(ours) else None
        if isinstance(item.get("title"), str):
            scores.titles += 1
            if mine is not None and same_title(mine.title, item["title"]):
                scores.title_agree += 1
            else:
                _miss(scores, name, index, "title", mine and mine.title, item["title"])
        if isinstance(item.get("link"), str) and item["link"].strip():
            scores.links += 1
            want = urljoin(urljoin(BASE, name), item["link"].strip())
            if mine is not None and mine.url == want:
                scores.link_agree += 1
            else:
                _miss(scores, name, index, "link", mine and mine.url, want)
        iso = _instant(item.get("isoDate"))
        got = mine.published_at if mine is not None else None
        if iso is not None:
            scores.dates += 1
            if got is not None and abs((as_utc(got) - iso).total_seconds()) < 1:
                scores.date_agree += 1
            else:
                _miss(scores, name, index, "date", got and got.isoformat(), iso.isoformat())
        elif isinstance(item.get("pubDate"), str) and item["pubDate"].strip():
            scores.dates_rss_parser_missed += 1
            if got is not None:
                scores.dates_read_where_missed += 1


def same_title(ours: str | None, expected: str) -> bool:
    mine = " ".join((ours or "").split())
    return any(
        _same_text(mine, " ".join(gold.split())) for gold in (expected, plain_text(expected))
    )


def _same_text(mine: str, gold: str) -> bool:
    if "\ufffd" not in gold:
        return mine == gold
    pattern = ".".join(re.escape(part) for part in gold.split("\ufffd"))
    return re.fullmatch(pattern, mine) is not None


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return as_utc(value)
    except ValueError:
        return None


def _miss(scores: FeedScores, name: str, index: int, what: str, got: Any, want: Any) -> None:
    if len(scores.misses) < 200:
        scores.misses.append({"file": name, "item": index, what: got, "expected": want})
