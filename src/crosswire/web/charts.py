"""Pictures drawn on the server as inline SVG: a story's timeline, its spread of outlets, and
the small leaning bar of a story card. No scripts, no external assets; every label escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from crosswire.models import Spread, TimelineEntry, as_utc
from crosswire.web.dates import absolute as stamp  # "20 Aug 2014, 09:30 UTC", a day alone

LEANING_ORDER = ["left", "lean-left", "center", "lean-right", "right", "not rated", "unknown"]
LEANING_COLOURS = {
    "left": "#1f5fb4",
    "lean-left": "#6fa3e0",
    "center": "#8a6fb3",
    "lean-right": "#e08a5c",
    "right": "#b8322a",
    "not rated": "#c8c8c8",  # a known outlet nobody rated
    "unknown": "#9a9a9a",
}
PALETTE = ["#1f77b4", "#d9822b", "#2a9d6f", "#c2415d", "#7d5fb2", "#8c6d31", "#3d8fa8"]
KIND_COLOURS = {"first_report": "#b8322a", "first_from_source": "#1f5fb4", "update": "#d9822b"}
KIND_LABELS = {
    "first_report": "first report",
    "first_from_source": "first from outlet",
    "update": "update",
}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
MAX_EVENTS = 40


def clean(text: Any) -> str:
    """Text safe to put in XML 1.0: characters XML forbids are removed."""
    return _ILLEGAL.sub("", "" if text is None else str(text))


def esc(text: Any) -> str:
    return str(escape(clean(text)))


def leaning_colour(leaning: str | None) -> str:
    return LEANING_COLOURS.get(leaning or "unknown", LEANING_COLOURS["unknown"])


def _when(value: Any) -> datetime | None:
    try:
        return as_utc(value)
    except (TypeError, ValueError):
        return None


def timeline_svg(
    events: list[TimelineEntry], names: dict[str, str] | None = None, narrow: bool = False
) -> Markup:
    """One row per event (first report, each outlet's first article, updates); a dot on a
    time axis at the left, time, outlet and kind at the right; the title as a tooltip.
    ``names``: outlet domain -> the name shown (the domain where missing). ``narrow``: drawn
    for a phone (360 wide, the time above outlet and kind), so its text stays readable."""
    names = names or {}
    dated = [(w, e) for e in events if (w := _when(e.at)) is not None]
    dated.sort(key=lambda pair: pair[0])
    shown, hidden = dated[:MAX_EVENTS], max(0, len(dated) - MAX_EVENTS)
    if not shown:
        return Markup("")
    first, last = shown[0][0], shown[-1][0]
    span = max((last - first).total_seconds(), 1.0)
    if narrow:
        width, left, right, axis, row, top, text_x = 360, 8, 96, 26, 38, 46, 108
    else:
        width, left, right, axis, row, top, text_x = 720, 16, 300, 26, 24, 46, 316
    height = top + row * len(shown) + (row if hidden else 0) + 6
    parts = [
        f'<svg role="img" aria-label="timeline" viewBox="0 0 {width} {height}" '
        f'width="100%" class="chart" xmlns="http://www.w3.org/2000/svg">',
        f"<title>Timeline: {len(dated)} reports from {esc(stamp(first))} "
        f"to {esc(stamp(last))}</title>",
        f'<text x="{left}" y="14" font-size="12" fill="currentColor">'
        f"{esc(stamp(first))} → {esc(stamp(last))}</text>",
        f'<line x1="{left}" y1="{axis}" x2="{right}" y2="{axis}" stroke="currentColor" '
        'stroke-opacity=".5"/>',
    ]
    for i, (when, event) in enumerate(shown):
        x = left + (right - left) * (when - first).total_seconds() / span
        y = top + row * i
        kind = str(event.kind or "")
        colour = KIND_COLOURS.get(kind, "#9a9a9a")
        label = KIND_LABELS.get(kind, kind)
        source = str(event.source or "")
        outlet = names.get(source) or source
        tip = f"{label}: {outlet} at {stamp(when)}: {event.title or ''}"
        if narrow:
            text = (
                f'<text x="{text_x}" y="{y + 4}" font-size="12" fill="currentColor">'
                f"{esc(stamp(when))}</text>"
                f'<text x="{text_x}" y="{y + 19}" font-size="12" fill="currentColor">'
                f"{esc(outlet[:28])} · {esc(label)}</text>"
            )
        else:
            text = (
                f'<text x="{text_x}" y="{y + 4}" font-size="12" fill="currentColor">'
                f"{esc(stamp(when))} · {esc(outlet)} · {esc(label)}</text>"
            )
        parts.append(
            f"<g><title>{esc(tip)}</title>"
            f'<line x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{y}" stroke="{colour}" '
            'stroke-opacity=".35"/>'
            f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{colour}"/>{text}</g>'
        )
    if hidden:
        parts.append(
            f'<text x="{text_x}" y="{top + row * len(shown) + 4}" font-size="12" '
            f'fill="currentColor">and {hidden} more</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _colour(group: str, key: str, index: int) -> str:
    if group == "leaning":
        return leaning_colour(key)
    if key == "unknown":
        return LEANING_COLOURS["unknown"]
    return PALETTE[index % len(PALETTE)]


def _ordered(group: str, counts: dict[str, int]) -> list[tuple[str, int]]:
    items = [(str(k), int(v)) for k, v in counts.items() if int(v) > 0]
    if group == "leaning":
        rank = {k: i for i, k in enumerate(LEANING_ORDER)}
        return sorted(items, key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))
    return sorted(items, key=lambda kv: (kv[0] == "unknown", -kv[1], kv[0]))


def spread_svg(
    spread: Spread,
    groups: Iterable[str] = ("leaning", "country", "language"),
    narrow: bool = False,
) -> Markup:
    """A stacked bar of outlets per group (leaning, country, language) with a legend.
    ``narrow``: drawn for a phone (360 wide, the group's name above its bar, the legend
    wrapping), so its text stays readable."""
    rows = [(g, _ordered(g, getattr(spread, g) or {})) for g in groups]
    rows = [(g, items) for g, items in rows if items]
    if not rows:
        return Markup("")
    width = 360 if narrow else 720
    bar_left, bar_width = (8, 344) if narrow else (96, 600)
    title = "<title>Outlets by " + esc(
        ", ".join(f"{g}: " + ", ".join(f"{k} {v}" for k, v in items) for g, items in rows)
    )
    body: list[str] = []
    y = 8.0
    for group, items in rows:
        total = sum(v for _, v in items)
        body.append(
            f'<text x="{0 if not narrow else bar_left}" y="{y + 14:.0f}" font-size="13" '
            f'font-weight="bold" fill="currentColor">{esc(group)}</text>'
        )
        if narrow:
            y += 20
        x = float(bar_left)
        legend_x, legend_y = float(bar_left), y + 28
        for i, (key, value) in enumerate(items):
            share = bar_width * value / total
            colour = _colour(group, key, i)
            plural = "s" if value != 1 else ""
            body.append(
                f"<g><title>{esc(group)}: {esc(key)}, {value} outlet{plural}</title>"
                f'<rect x="{x:.1f}" y="{y:.0f}" width="{share:.1f}" height="20" '
                f'fill="{colour}" stroke="#fff" stroke-width="1"/></g>'
            )
            x += share
            label = f"{key} {value}"
            step = 22 + 6.5 * len(label)
            if narrow and legend_x > bar_left and legend_x + step > bar_left + bar_width:
                legend_x, legend_y = float(bar_left), legend_y + 16
            if narrow or legend_x < bar_left + bar_width - 20:
                body.append(
                    f'<rect x="{legend_x:.1f}" y="{legend_y:.0f}" width="10" height="10" '
                    f'fill="{colour}"/><text x="{legend_x + 14:.1f}" y="{legend_y + 9:.0f}" '
                    f'font-size="11" fill="currentColor">{esc(label)}</text>'
                )
            legend_x += step
        y = legend_y + 28
    return Markup(
        f'<svg role="img" aria-label="source spread" viewBox="0 0 {width} {y - 8:.0f}" '
        f'width="100%" class="chart" xmlns="http://www.w3.org/2000/svg">'
        + title
        + "</title>"
        + "".join(body)
        + "</svg>"
    )


def leaning_bar(counts: dict[str, int]) -> Markup:
    """The small spread bar of a story card: outlets by leaning, 96 × 10 pixels."""
    items = _ordered("leaning", counts)
    total = sum(v for _, v in items)
    if not total:
        return Markup("")
    words = ", ".join(f"{k} {v}" for k, v in items)
    parts = [
        f'<svg role="img" aria-label="outlets by leaning: {esc(words)}" width="96" height="10" '
        'viewBox="0 0 96 10" class="spreadbar" xmlns="http://www.w3.org/2000/svg">'
        f"<title>outlets by leaning: {esc(words)}</title>"
    ]
    x = 0.0
    for key, value in items:
        width = 96 * value / total
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="10" '
            f'fill="{leaning_colour(key)}"/>'
        )
        x += width
    parts.append("</svg>")
    return Markup("".join(parts))
