"""A digest as plain text, section by section: what ``crosswire story`` prints (and
``bench/digest_example.py`` shows). Sections without content are left out."""

from __future__ import annotations

from datetime import datetime

from crosswire.models import (
    Comparison,
    Conflict,
    ConflictSide,
    Digest,
    DisputeSide,
    FigureValue,
    OneSide,
    Place,
    Quote,
    Spread,
    SummaryEntry,
    TimelineEntry,
    as_utc,
)

SIDES = {"left": "left-leaning", "center": "center", "right": "right-leaning"}


def render_text(digest: Digest) -> list[str]:
    """The lines of ``digest``: summary, differences, figures, quotes, facts only one outlet
    or one side reports, timeline, places and spread."""
    comparison = digest.comparison
    sections = [
        ("Summary", _summary(digest.summary)),
        ("Where the outlets differ", _differences(comparison)),
        ("Figures that changed between reports", _changed(comparison)),
        ("Figures reported", _figures(comparison)),
        ("Quotes", _quotes(comparison.quotes)),
        ("Only in one outlet", [f"- {o.sentence} [{o.source}]" for o in comparison.only_in]),
        ("Only on one side", _one_side(comparison.one_side)),
        ("Timeline", _timeline(digest.timeline)),
        ("Where", _places(digest.places)),
        ("Who covers it", _spread(digest.spread)),
    ]
    lines: list[str] = []
    for title, body in sections:
        if body:
            lines += ["", f"## {title}", *body]
    return lines


def _outlets(names: list[str]) -> str:
    return f"[{', '.join(names)}]"


def _summary(entries: list[SummaryEntry]) -> list[str]:
    lines = []
    for entry in entries:
        also = entry.also_published_by
        extra = f"; also published by {', '.join(also)}" if also else ""
        credit = ", ".join(entry.sources or [entry.source])
        lines.append(f"- {entry.text} [{credit}{extra}]")
        for dispute in entry.disputed:
            topic = dispute.topic or dispute.kind
            lines.append(f"  disputed ({topic}): {_versus(dispute.sides)}")
        for change in entry.changed:
            lines.append(f"  figure changed ({change.topic}): {_from_here(change.sides)}")
        if entry.one_side:
            lines.append(f"  only {_side(entry.one_side)} outlets report this")
    return lines


def _differences(comparison: Comparison) -> list[str]:
    lines = []
    for row in comparison.numbers:
        if row.conflict:
            lines.append(f"- {row.subject}: {_by_figure(row.values)}")
    figures = {row.subject for row in comparison.numbers if row.conflict}
    for flag in comparison.conflicts:
        if flag.changed or (flag.kind == "number" and flag.topic in figures):
            continue  # shown as figures above, or as a change below
        lines.append(f"- {flag.topic or flag.kind}: {_versus(flag.sides)}")
        lines += _evidence(flag)
    return lines


def _versus(sides: list[DisputeSide] | list[ConflictSide]) -> str:
    return " vs ".join(f"{s.claim} {_outlets(s.sources)}" for s in sides)


def _changed(comparison: Comparison) -> list[str]:
    lines = []
    for flag in comparison.conflicts:
        if flag.changed:
            lines.append(f"- {flag.topic}: {_in_order(flag.sides)}")
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


def _in_order(sides: list[ConflictSide]) -> str:
    """A changed figure's sides, earliest first, each with the time of its first report."""
    return " -> ".join(_timed(side) for side in sides)


def _from_here(sides: list[DisputeSide]) -> str:
    """A changed figure as a summary sentence on one of its sides (``here``) tells it: the
    figures of the reports before and after it."""
    seen, parts = False, []
    for side in sides:
        if side.here:
            seen = True
            continue
        parts.append(f"{'later' if seen else 'earlier'} {_timed(side)}")
    return "; ".join(parts)


def _timed(side: DisputeSide | ConflictSide) -> str:
    return f"{side.claim} {_outlets(side.sources)} {clock(side.published)}"


def _evidence(flag: Conflict) -> list[str]:
    lines = []
    for side in flag.sides:
        if not side.evidence:
            lines.append(f'    "{side.sentence}" ({", ".join(side.sources)})')
        for evidence in side.evidence:
            source = evidence.source or ", ".join(side.sources)
            lines.append(f'    "{evidence.sentence}" ({source})')
    return lines


def _figures(comparison: Comparison) -> list[str]:
    return [
        f"- {row.subject}: {_by_figure(row.values)}"
        for row in comparison.numbers
        if not (row.conflict or row.changed)
    ]


def _by_figure(values: list[FigureValue]) -> str:
    """A figure row's values, each figure once with its outlets: "31 people [a, b]; 12 [c]"."""
    outlets: dict[str, list[str]] = {}
    for value in values:
        sources = outlets.setdefault(value.text, [])
        if value.source not in sources:
            sources.append(value.source)
    return "; ".join(f"{text} {_outlets(sources)}" for text, sources in outlets.items())


def _quotes(quotes: list[Quote]) -> list[str]:
    lines = []
    for quote in quotes:
        speaker = quote.speaker or "unnamed"
        lines.append(f'- "{quote.quote}" — {speaker} {_outlets(quote.sources)}')
        for version in quote.translations:
            outlets = _outlets(version.sources)
            lines.append(f'  also in {version.language}: "{version.quote}" {outlets}')
    return lines


def _one_side(facts: list[OneSide]) -> list[str]:
    return [
        f"- only {_side(f.side)} outlets: {f.sentence} {_outlets(f.sources)}"
        for f in facts
        if not f.in_summary
    ]


def _side(side: str) -> str:
    return SIDES.get(side, side)


def _timeline(events: list[TimelineEntry]) -> list[str]:
    labels = {"first_report": "first report", "first_from_source": "first from outlet"}
    return [f"- {clock(e.at)}  {labels.get(e.kind, e.kind)}: {e.source}: {e.title}" for e in events]


def _places(places: list[Place]) -> list[str]:
    return [f"- {p.name} ({p.articles} report{'s' if p.articles != 1 else ''})" for p in places]


def _spread(spread: Spread) -> list[str]:
    counts = {
        "leaning": spread.leaning,
        "country": spread.country,
        "language": spread.language,
        "typology": spread.typology,
    }
    lines = [
        f"- {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(counted.items()))
        for key, counted in counts.items()
        if counted
    ]
    if spread.blindspot:
        lines.append(f"- blindspot: only {spread.blindspot} outlets cover this story")
    return lines
