"""Page extraction scored on public pages with expected metadata (``../shared/datasets/pages``).

Each page is read as ``crosswire extract FILE --url URL`` reads it (charset detection, then
``extract_article``).

- ``goose3/<category>/test_<name>.html`` + ``.json`` (goose3's expected results): title equal
  (whitespace collapsed); body start: crosswire's text begins with the first
  ``BODY_START_CHARS`` characters (whole words) of goose3's ``cleaned_text`` (whitespace
  collapsed, typographic quotes and dashes folded; the rest of ``cleaned_text`` reflects
  goose3's own choices, such as dropping lists, and is not the body's start); authors:
  the same set of names (case and spacing aside); publication date: the same day, and the
  same instant where the expected value has a time.
- ``htmldate/gold.jsonl`` + ``pages/*.html.gz``: the day of crosswire's ``published_at`` as
  the extractor gives it (in the page's own offset: the day the page names; the store keeps
  the same instant in UTC) against the gold day; plain ``htmldate.find_date(html, url=url)`` with
  its default settings is scored on the same pages in the same run.

Pages per second are measured around extraction alone (reading and decoding excluded).
"""

from __future__ import annotations

import gzip
import json
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from crosswire.extract.article import ExtractionError, extract_article
from crosswire.extract.authors import split_byline
from crosswire.ingest.decoding import decode_text
from crosswire.models import Article, as_utc

BODY_START_CHARS = 100
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


@dataclass
class Tally:
    total: int = 0
    hit: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hit += int(ok)

    def share(self) -> float | None:
        return round(self.hit / self.total, 4) if self.total else None


@dataclass
class PageScores:
    goose3_pages: int = 0
    title: Tally = field(default_factory=Tally)
    body_start: Tally = field(default_factory=Tally)
    authors: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    goose3_seconds: float = 0.0
    htmldate_pages: int = 0
    crosswire_day: Tally = field(default_factory=Tally)
    plain_day: Tally = field(default_factory=Tally)
    htmldate_seconds: float = 0.0
    plain_seconds: float = 0.0
    errors: int = 0
    tracebacks: list[str] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self, show_misses: bool = False) -> dict[str, Any]:
        def rate(pages: int, seconds: float) -> float:
            return round(pages / seconds, 1) if seconds else 0.0

        out: dict[str, Any] = {
            "goose3": {
                "pages": self.goose3_pages,
                "title": self.title.share(),
                "titles": self.title.total,
                "body_start": self.body_start.share(),
                "body_starts": self.body_start.total,
                "body_start_hits": self.body_start.hit,
                "authors": self.authors.share(),
                "author_pages": self.authors.total,
                "publish_date": self.date.share(),
                "dates": self.date.total,
                "pages_per_second": rate(self.goose3_pages, self.goose3_seconds),
            },
            "htmldate": {
                "pages": self.htmldate_pages,
                "crosswire_day": self.crosswire_day.share(),
                "plain_htmldate_day": self.plain_day.share(),
                "crosswire_pages_per_second": rate(self.htmldate_pages, self.htmldate_seconds),
                "plain_htmldate_pages_per_second": rate(self.htmldate_pages, self.plain_seconds),
            },
            "no_text_errors": self.errors,
            "tracebacks": len(self.tracebacks),
            "traceback_pages": self.tracebacks,
        }
        if show_misses:
            out["misses"] = self.misses
        return out


def evaluate_pages(dataset: str | Path, limit: int | None = None) -> PageScores:
    root = Path(dataset)
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a folder")
    scores = PageScores()
    if (root / "goose3").is_dir():
        _goose3(root / "goose3", scores, limit)
    if (root / "htmldate" / "gold.jsonl").is_file():
        _htmldate(root / "htmldate", scores, limit)
    return scores


def _extract(
    raw: bytes, url: str | None, name: str, scores: PageScores
) -> tuple[Article | None, float]:
    started = time.perf_counter()
    try:
        html, _ = decode_text(raw, None)
        started = time.perf_counter()
        article: Article | None = extract_article(html, url, title_from_text=False)
    except ExtractionError as exc:  # no body text: what the page says of itself all the same
        scores.errors += 1
        article = exc.article
    except Exception as exc:  # noqa: BLE001 - what the evaluation counts
        scores.tracebacks.append(f"{name}: {type(exc).__name__}")
        article = None
    return article, time.perf_counter() - started


def _goose3(root: Path, scores: PageScores, limit: int | None) -> None:
    for index, spec in enumerate(sorted(root.glob("*/test_*.json"))):
        if limit is not None and index >= limit:
            break
        page = spec.with_suffix(".html")
        try:
            data = json.loads(spec.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue  # not an expectations file
        expected = data.get("expected") if isinstance(data, dict) else None
        if not page.is_file() or not isinstance(expected, dict):
            continue
        name = f"{spec.parent.name}/{spec.stem}"
        article, seconds = _extract(page.read_bytes(), data.get("url") or None, name, scores)
        scores.goose3_pages += 1
        scores.goose3_seconds += seconds
        if isinstance(expected.get("title"), str):
            got = article.title if article else None
            ok = _fold(got) == _fold(expected["title"])
            scores.title.add(ok)
            _note(scores, ok, name, "title", got, expected["title"])
        if isinstance(expected.get("cleaned_text"), str) and expected["cleaned_text"].strip():
            got = article.text if article else ""
            want = body_start(expected["cleaned_text"])
            ok = _fold(got).startswith(want)
            scores.body_start.add(ok)
            _note(scores, ok, name, "body", _fold(got)[: len(want) + 40], want)
        if isinstance(expected.get("authors"), list) and expected["authors"]:
            got_names = split_byline(article.byline if article else None)
            ok = _names(got_names) == _names(expected["authors"])
            scores.authors.add(ok)
            _note(scores, ok, name, "authors", got_names, expected["authors"])
        if isinstance(expected.get("publish_date"), str) and expected["publish_date"].strip():
            got_date = article.published_at if article else None
            ok = same_publication(got_date, expected["publish_date"])
            scores.date.add(ok)
            _note(scores, ok, name, "date", got_date and got_date.isoformat(),
                  expected["publish_date"])  # fmt: skip


def _htmldate(root: Path, scores: PageScores, limit: int | None) -> None:
    import htmldate

    lines = (root / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if limit is not None and index >= limit:
            break
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if not isinstance(row, dict):
            continue
        path = root / str(row.get("file"))
        if not row.get("gold_date") or not path.is_file():  # no reliable gold date
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        gold = date.fromisoformat(row["gold_date"][:10])
        url = row.get("url") or None
        article, seconds = _extract(raw, url, row["file"], scores)
        scores.htmldate_pages += 1
        scores.htmldate_seconds += seconds
        got = article.published_at.date() if article and article.published_at else None
        scores.crosswire_day.add(got == gold)
        _note(scores, got == gold, row["file"], "day", got and got.isoformat(), gold.isoformat())
        html, _ = decode_text(raw, None)
        started = time.perf_counter()
        try:
            plain = htmldate.find_date(html, url=url)
        except Exception:  # noqa: BLE001 - the baseline's failures count as misses
            plain = None
        scores.plain_seconds += time.perf_counter() - started
        scores.plain_day.add(bool(plain and plain[:10] == gold.isoformat()))


def same_publication(got: datetime | None, expected: str) -> bool:
    """The same instant where ``expected`` has a time (and an offset), else the same day."""
    if got is None:
        return False
    want = _parse_date(expected)
    if want is None:
        return False
    if want.tzinfo is not None and (want.hour, want.minute, want.second) != (0, 0, 0):
        return abs((as_utc(got) - as_utc(want)).total_seconds()) < 60
    return as_utc(got).date() == want.date()


def _parse_date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        pass
    from dateutil import parser, tz

    zones = {"EDT": tz.tzoffset("EDT", -4 * 3600), "EST": tz.tzoffset("EST", -5 * 3600)}
    try:
        return parser.parse(value, tzinfos=zones)
    except (ValueError, OverflowError):
        return None


def body_start(text: str, chars: int = BODY_START_CHARS) -> str:
    """The first ``chars`` characters of ``text`` folded, cut back to a whole word."""
    folded = _fold(text)
    if len(folded) <= chars:
        return folded
    cut = folded[:chars]
    return cut if folded[chars] == " " else cut.rsplit(" ", 1)[0]


def _fold(text: str | None) -> str:
    folded = unicodedata.normalize("NFKC", text or "").translate(_FOLD)
    return " ".join(folded.split())


def _names(names: list[str]) -> set[str]:
    return {_fold(n).casefold() for n in names if n.strip()}


def _note(scores: PageScores, ok: bool, name: str, what: str, got: Any, want: Any) -> None:
    if not ok and len(scores.misses) < 300:
        scores.misses.append({"page": name, what: got, "expected": want})
