"""A digest as plain text, section by section: what ``crosswire story`` prints (and
``bench/digest_example.py`` shows). Sections without content are left out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from crosswire.models import as_utc

SIDES = {"left": "left-leaning", "center": "center", "right": "right-leaning"}


def render_text(digest: dict[str, Any]) -> list[str]:
    """The lines of ``digest``: summary, differences, figures, quotes, facts only one outlet
    or one side reports, timeline, places and spread."""
    comparison = digest.get("comparison") or {}
    sections = [
        ("Summary", _summary(digest.get("summary") or [])),
        ("Where the outlets differ", _differences(comparison)),
        ("Figures that changed between reports", _changed(comparison)),
        ("Figures reported", _figures(comparison)),
        ("Quotes", _quotes(comparison.get("quotes") or [])),
        (
            "Only in one outlet",
            [f"- {o['sentence']} [{o['source']}]" for o in comparison.get("only_in") or []],
        ),
        ("Only on one side", _one_side(comparison.get("one_side") or [])),
        ("Timeline", _timeline(digest.get("timeline") or [])),
        ("Where", _places(digest.get("places") or [])),
        ("Who covers it", _spread(digest.get("spread") or {})),
    ]
    lines: list[str] = []
    for title, body in sections:
        if body:
            lines += ["", f"## {title}", *body]
    return lines


def _outlets(names: list[str]) -> str:
    return f"[{', '.join(names)}]"


def _summary(entries: list[dict[str, Any]]) -> list[str]:
    lines = []
    for entry in entries:
        also = entry.get("also_published_by") or []
        extra = f"; also published by {', '.join(also)}" if also else ""
        credit = ", ".join(entry.get("sources") or [entry.get("source", "")])
        lines.append(f"- {entry['text']} [{credit}{extra}]")
        for dispute in entry.get("disputed") or []:
            topic = dispute.get("topic") or dispute["kind"]
            lines.append(f"  disputed ({topic}): {_versus(dispute['sides'])}")
        for change in entry.get("changed") or []:
            lines.append(f"  figure changed ({change['topic']}): {_from_here(change['sides'])}")
        if entry.get("one_side"):
            lines.append(f"  only {_side(entry['one_side'])} outlets report this")
    return lines


def _differences(comparison: dict[str, Any]) -> list[str]:
    lines = []
    for row in comparison.get("numbers") or []:
        if row.get("conflict"):
            lines.append(f"- {row['subject']}: {_by_figure(row['values'])}")
    figures = {row["subject"] for row in comparison.get("numbers") or [] if row.get("conflict")}
    for flag in comparison.get("conflicts") or []:
        if flag.get("changed") or (flag["kind"] == "number" and flag.get("topic") in figures):
            continue  # shown as figures above, or as a change below
        lines.append(f"- {flag.get('topic') or flag['kind']}: {_versus(flag['sides'])}")
        lines += _evidence(flag)
    return lines


def _versus(sides: list[dict[str, Any]]) -> str:
    return " vs ".join(f"{s['claim']} {_outlets(s['sources'])}" for s in sides)


def _changed(comparison: dict[str, Any]) -> list[str]:
    lines = []
    for flag in comparison.get("conflicts") or []:
        if flag.get("changed"):
            lines.append(f"- {flag['topic']}: {_in_order(flag['sides'])}")
            lines += _evidence(flag)
    return lines


def stamp(when: datetime) -> str:
    """A time as the pages and ``crosswire story`` show it: "2026-03-14 06:00 UTC"."""
    return when.strftime("%Y-%m-%d %H:%M UTC")


def clock(value: str | None) -> str:
    """An ISO time (any offset) as ``stamp`` shows it, in UTC; "" if unreadable."""
    try:
        when = as_utc(value)
    except (TypeError, ValueError):
        return ""
    return stamp(when) if when is not None else ""


def _in_order(sides: list[dict[str, Any]]) -> str:
    """A changed figure's sides, earliest first, each with the time of its first report."""
    return " -> ".join(_timed(side) for side in sides)


def _from_here(sides: list[dict[str, Any]]) -> str:
    """A changed figure as a summary sentence on one of its sides (``here``) tells it: the
    figures of the reports before and after it."""
    seen, parts = False, []
    for side in sides:
        if side.get("here"):
            seen = True
            continue
        parts.append(f"{'later' if seen else 'earlier'} {_timed(side)}")
    return "; ".join(parts)


def _timed(side: dict[str, Any]) -> str:
    return f"{side['claim']} {_outlets(side['sources'])} {clock(side['published'])}"


def _evidence(flag: dict[str, Any]) -> list[str]:
    lines = []
    for side in flag["sides"]:
        for evidence in side.get("evidence") or [side]:
            source = evidence.get("source") or ", ".join(side["sources"])
            lines.append(f'    "{evidence["sentence"]}" ({source})')
    return lines


def _figures(comparison: dict[str, Any]) -> list[str]:
    return [
        f"- {row['subject']}: {_by_figure(row['values'])}"
        for row in comparison.get("numbers") or []
        if not (row.get("conflict") or row.get("changed"))
    ]


def _by_figure(values: list[dict[str, Any]]) -> str:
    """A figure row's values, each figure once with its outlets: "31 people [a, b]; 12 [c]"."""
    outlets: dict[str, list[str]] = {}
    for value in values:
        sources = outlets.setdefault(value["text"], [])
        if value["source"] not in sources:
            sources.append(value["source"])
    return "; ".join(f"{text} {_outlets(sources)}" for text, sources in outlets.items())


def _quotes(quotes: list[dict[str, Any]]) -> list[str]:
    lines = []
    for quote in quotes:
        speaker = quote.get("speaker") or "unnamed"
        lines.append(f'- "{quote["quote"]}" — {speaker} {_outlets(quote["sources"])}')
        for version in quote.get("translations") or []:
            outlets = _outlets(version["sources"])
            lines.append(f'  also in {version["language"]}: "{version["quote"]}" {outlets}')
    return lines


def _one_side(facts: list[dict[str, Any]]) -> list[str]:
    return [
        f"- only {_side(f['side'])} outlets: {f['sentence']} {_outlets(f['sources'])}"
        for f in facts
        if not f.get("in_summary")
    ]


def _side(side: str) -> str:
    return SIDES.get(side, side)


def _timeline(events: list[dict[str, Any]]) -> list[str]:
    labels = {"first_report": "first report", "first_from_source": "first from outlet"}
    return [
        f"- {clock(e['at'])}  {labels.get(e['kind'], e['kind'])}: {e['source']}: {e['title']}"
        for e in events
    ]


def _places(places: list[dict[str, Any]]) -> list[str]:
    return [
        f"- {p['name']} ({p['articles']} report{'s' if p['articles'] != 1 else ''})" for p in places
    ]


def _spread(spread: dict[str, Any]) -> list[str]:
    lines = [
        f"- {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(spread[key].items()))
        for key in ("leaning", "country", "language", "typology")
        if spread.get(key)
    ]
    if spread.get("blindspot"):
        lines.append(f"- blindspot: only {spread['blindspot']} outlets cover this story")
    return lines
