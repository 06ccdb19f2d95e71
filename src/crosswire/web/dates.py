"""Times as a reader reads them: relative within a week ("3 hours ago", "2 days ago"),
absolute after that, in the reader's time zone ("20 Aug 2014, 09:30"); a date without a
time where the source gave only a day (a publication time of exactly midnight UTC: no fake
"00:00"). Used by the pages through the ``when`` and ``absolute`` template filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crosswire.models import as_utc, utcnow

RELATIVE_WITHIN = timedelta(days=7)


def zone(name: str | None) -> tzinfo:
    """The time zone named ``name`` ("Europe/Paris"), UTC when empty or unknown."""
    if not name or name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _parse(value: datetime | str | None) -> datetime | None:
    try:
        return as_utc(value)
    except (TypeError, ValueError):
        return None


def date_only(when: datetime) -> bool:
    """A time of exactly midnight UTC: a source that gave the day only."""
    when = when.astimezone(UTC)
    return (when.hour, when.minute, when.second, when.microsecond) == (0, 0, 0, 0)


def absolute(value: datetime | str | None, tz: str | None = None) -> str:
    """ "20 Aug 2014, 09:30" in ``tz`` (with the zone's name unless UTC is meant by both),
    "20 Aug 2014" for a day without a time; "" when unreadable."""
    when = _parse(value)
    if when is None:
        return ""
    if date_only(when):
        return f"{when.day} {when:%b %Y}"
    local = when.astimezone(zone(tz))
    text = f"{local.day} {local:%b %Y, %H:%M}"
    name = local.tzname() or ""
    return f"{text} {name}".strip() if name and name != "UTC" else f"{text} UTC"


def readable(
    value: datetime | str | None, tz: str | None = None, now: datetime | None = None
) -> str:
    """Relative within a week of ``now``, else ``absolute``; "time unknown" when missing."""
    when = _parse(value)
    if when is None:
        return "time unknown"
    now = now or utcnow()
    age = now - when
    if date_only(when):
        days = (now.date() - when.date()).days
        if 0 <= days < RELATIVE_WITHIN.days:
            return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")
        return absolute(when, tz)
    if timedelta(0) <= age < RELATIVE_WITHIN:
        seconds = int(age.total_seconds())
        for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
            if seconds >= size:
                n = seconds // size
                return f"{n} {unit}{'s' if n != 1 else ''} ago"
        return "just now"
    return absolute(when, tz)


def newest(times: list[datetime | None]) -> datetime | None:
    """The latest of ``times`` (None when there is none): a story's time is its newest
    article's publication time."""
    known = [u for t in times if (u := as_utc(t)) is not None]
    return max(known) if known else None
