"""An article as a JSON record (the datasets' layout: id, title, text, lang, date, source,
url): what ``crosswire import`` and backfills read."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from crosswire.models import Article, as_utc, plausible_publication


def _optional_text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string")
    return value


def article_from_record(record: dict[str, Any]) -> Article:
    """One JSON Lines record (the dataset layout) as an Article."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    # null is "none": a report without a headline (or a headline alone) is still a report
    title, text = (("" if v is None else v) for v in (record.get("title"), record.get("text")))
    if not isinstance(title, str) or not isinstance(text, str):
        raise ValueError("'title' and 'text' must be strings")
    if not title.strip() and not text.strip():
        raise ValueError("'title' and 'text' are both empty")
    url = _optional_text(record, "url")
    if url is not None and urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"'url' is not an http(s) URL: {url!r}")
    source = _optional_text(record, "source") or (urlsplit(url).hostname if url else None)
    if source and source.startswith("www."):
        source = source[4:]
    date = _optional_text(record, "date")
    try:
        published = plausible_publication(as_utc(date))  # a future date: undated
    except ValueError as exc:
        raise ValueError(f"'date' is not an ISO-8601 date: {date!r}") from exc
    ext = record.get("id")
    if ext is not None and not isinstance(ext, (str, int)) or isinstance(ext, bool):
        raise ValueError("'id' must be a string or an integer")
    return Article(
        title=title.strip(),
        text=text,
        url=url,
        external_id=None if ext is None else str(ext),
        language=_optional_text(record, "lang"),
        source=source,
        published_at=published,
    )


def future_dated(record: Any, article: Article) -> bool:
    """The record had a date that ``article_from_record`` set aside as lying in the future."""
    return isinstance(record, dict) and bool(record.get("date")) and article.published_at is None
