"""The server-drawn pictures and the feed writer: well-formed, escaped, and robust to odd
digests (missing times, unknown kinds, empty groups, characters XML forbids)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from crosswire.models import Spread, TimelineEntry
from crosswire.web import charts, xmlfeed

T0 = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
HOSTILE = "<script>x</script>\"'&\x00\x1b\ufffe"


def test_timeline_is_wellformed_escaped_and_bounded():
    events = [
        TimelineEntry(
            at=(T0 + timedelta(minutes=i)).isoformat(),
            source=f"s{i}{HOSTILE}",
            title=HOSTILE,
            kind="update" if i else "first_report",
        )
        for i in range(charts.MAX_EVENTS + 5)
    ]
    events.append(TimelineEntry(at="not a time", source="x", kind="weird"))
    events.append(TimelineEntry(source="no time at all"))
    svg = str(charts.timeline_svg(events))
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == "timeline"
    assert "<script>" not in svg and "\x00" not in svg and "\x1b" not in svg
    assert "and 5 more" in svg
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) == charts.MAX_EVENTS
    assert str(charts.timeline_svg([])) == ""


def test_one_event_and_same_day_range():
    svg = str(
        charts.timeline_svg([TimelineEntry(at=T0.isoformat(), source="a", kind="first_report")])
    )
    ET.fromstring(svg)
    assert "2 Apr 2026, 09:00 UTC → 2 Apr 2026, 09:00 UTC" in svg


def test_timeline_names_outlets_as_the_page_does():
    events = [TimelineEntry(at=T0.isoformat(), source="harbourpost.example", kind="first_report")]
    svg = str(charts.timeline_svg(events, {"harbourpost.example": f"Harbour Post{HOSTILE}"}))
    ET.fromstring(svg)
    assert "Harbour Post" in svg and "harbourpost.example" not in svg
    assert "<script>" not in svg
    assert "harbourpost.example" in str(charts.timeline_svg(events))  # no name: the domain


def test_spread_draws_each_group_with_a_tooltip_per_bar():
    spread = Spread(
        leaning={"right": 1, "left": 2, "unknown": 1},
        country={HOSTILE: 1, "FR": 3},
        language={},
        blindspot=None,
    )
    svg = str(charts.spread_svg(spread))
    root = ET.fromstring(svg)
    assert root.get("aria-label") == "source spread"
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "leaning: left, 2 outlets" in titles and "country: FR, 3 outlets" in titles
    assert not any("language:" in (t or "") for t in titles)  # empty group left out
    assert svg.index("left 2") < svg.index("right 1")  # leanings in political order
    assert str(charts.spread_svg(Spread())) == ""


def test_phone_drawings_are_360_wide_and_keep_their_text_inside():
    """The narrow drawings: 360 units wide, shown at about 360 px, so 12-unit text reads
    at 12 px; every text starts inside the picture and the legend wraps onto new lines."""
    names = {f"s{i}.example": f"Outlet number {i} with a long name" for i in range(6)}
    events = [
        TimelineEntry(
            at=(T0 + timedelta(hours=i)).isoformat(), source=f"s{i}.example", kind="update"
        )
        for i in range(6)
    ]
    spread = Spread(leaning={k: 1 for k in charts.LEANING_ORDER}, country={"US": 2, "FR": 1})
    for svg in (
        str(charts.timeline_svg(events, names, narrow=True)),
        str(charts.spread_svg(spread, narrow=True)),
    ):
        root = ET.fromstring(svg)
        _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
        assert width == 360
        texts = list(root.iter("{http://www.w3.org/2000/svg}text"))
        assert texts and all(0 <= float(t.get("x", 0)) < 300 for t in texts)
        assert all(float(t.get("y", 0)) <= height for t in texts)
    legend_rows = {
        t.get("y")
        for t in ET.fromstring(str(charts.spread_svg(spread, narrow=True))).iter(
            "{http://www.w3.org/2000/svg}text"
        )
        if t.get("font-size") == "11"
    }
    assert len(legend_rows) >= 3  # seven leanings do not fit one 344-wide line


def test_leaning_bar_and_colours():
    bar = str(charts.leaning_bar({"center": 2, "lean-left": 1}))
    ET.fromstring(bar)
    assert 'aria-label="outlets by leaning: lean-left 1, center 2"' in bar
    assert charts.leaning_colour(None) == charts.leaning_colour("nonsense")
    assert str(charts.leaning_bar({})) == ""


def test_feed_writer_strips_what_xml_forbids():
    entry = xmlfeed.Entry(
        id="urn:x:1",
        title=HOSTILE,
        link="http://h/a?b=1&c=2",
        updated=T0,
        summary=HOSTILE,
        author=HOSTILE,
        categories=["en"],
    )
    feed = xmlfeed.Feed(
        id="urn:x",
        title=HOSTILE,
        self_url="http://h/f",
        page_url="http://h/",
        entries=[entry, xmlfeed.Entry(id="urn:x:2", title="", link="http://h/b", updated=None)],
    )
    for body in (xmlfeed.atom(feed), xmlfeed.rss(feed)):
        root = ET.fromstring(body)
        assert b"<script>" not in body and b"\x00" not in body
        text = "".join(root.itertext())
        assert "<script>x</script>" in text and "(untitled)" in text
