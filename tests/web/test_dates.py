"""Dates people read: relative only within a week, absolute after that in the reader's time
zone, a day without a fake time."""

from __future__ import annotations

from datetime import UTC, datetime

from crosswire.web.dates import absolute, date_only, newest, readable, zone

NOW = datetime(2026, 5, 10, 12, 0, tzinfo=UTC)


def test_relative_within_a_week():
    assert readable(datetime(2026, 5, 10, 9, 0, tzinfo=UTC), now=NOW) == "3 hours ago"
    assert readable("2026-05-08T11:00:00Z", now=NOW) == "2 days ago"
    assert readable(datetime(2026, 5, 10, 11, 59, 30, tzinfo=UTC), now=NOW) == "just now"


def test_absolute_after_a_week_in_the_readers_zone():
    old = datetime(2014, 8, 20, 9, 30, tzinfo=UTC)
    assert readable(old, now=NOW) == "20 Aug 2014, 09:30 UTC"
    assert readable(old, "Europe/Paris", now=NOW) == "20 Aug 2014, 11:30 CEST"
    assert absolute("2014-08-20T09:30:00+00:00", "Asia/Tokyo") == "20 Aug 2014, 18:30 JST"
    assert "2811 days" not in readable(old, now=NOW)


def test_a_day_without_a_time():
    assert date_only(datetime(2014, 8, 20, tzinfo=UTC))
    assert readable("2014-08-20", now=NOW) == "20 Aug 2014"
    assert readable("2026-05-09", now=NOW) == "yesterday"
    assert "00:00" not in absolute("2014-08-20")


def test_unknown_and_unreadable():
    assert readable(None) == "time unknown"
    assert absolute("not a date") == ""
    assert zone("No/Such_Zone") is UTC


def test_a_storys_time_is_its_newest_article():
    assert newest([None, datetime(2011, 1, 2, tzinfo=UTC), datetime(2014, 3, 4, tzinfo=UTC)]) == (
        datetime(2014, 3, 4, tzinfo=UTC)
    )
    assert newest([None]) is None
