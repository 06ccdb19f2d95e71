"""Render the digest of the project's fixture story (tests/fixtures/story_fixture.py) as text,
and show the cache at work: the story is digested without its syndicated copy, then again
with it, given the first digest as ``previous``.

    .venv/bin/python bench/digest_example.py [--json]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fixtures.story_fixture import story_articles, story_sources  # noqa: E402

from crosswire.digest import DigestOptions, build_digest  # noqa: E402


def render(digest: dict) -> str:
    lines = [f"# {digest['headline']}", ""]
    lines.append(
        f"{digest['article_count']} articles from {digest['source_count']} outlets "
        f"(covers articles {digest['covers']})"
    )
    lines += ["", "## Summary"]
    for entry in digest["summary"]:
        credit = ", ".join(entry["sources"])
        also = entry.get("also_published_by") or []
        extra = f"; also published by {', '.join(also)}" if also else ""
        lines.append(f"- {entry['text']} [{credit}{extra}]")
        for dispute in entry.get("disputed") or []:
            sides = " vs ".join(
                f"{s['claim']} ({', '.join(s['sources'])})" for s in dispute["sides"]
            )
            lines.append(f"  disputed, {dispute['topic']}: {sides}")
    lines += ["", "## Timeline"]
    for event in digest["timeline"]:
        lines.append(f"- {event['at']}  {event['kind']:17} {event['source']}: {event['title']}")
    spread = digest["spread"]
    lines += ["", "## Spread"]
    for key in ("leaning", "country", "language", "typology"):
        lines.append(f"- {key}: {spread[key]}")
    lines.append(f"- blindspot: {spread['blindspot']}")
    comparison = digest["comparison"]
    lines += ["", "## Where the outlets differ"]
    for row in comparison["numbers"]:
        values = "; ".join(f"{v['text']} ({v['source']})" for v in row["values"])
        flag = "CONFLICT " if row.get("conflict") else ""
        lines.append(f"- {flag}figures for {row['subject']}: {values}")
    for flag in comparison["conflicts"]:
        sides = " vs ".join(
            f'{s["claim"]} ({", ".join(s["sources"])}: "{s["sentence"]}")' for s in flag["sides"]
        )
        lines.append(f"- {flag['kind']}: {sides}")
    for quote in comparison["quotes"]:
        lines.append(
            f'- quote by {quote.get("speaker") or "unnamed"}: "{quote["quote"]}" '
            f"({', '.join(quote['sources'])})"
        )
    for item in comparison["only_in"]:
        lines.append(f"- only in {item['source']}: {item['sentence']}")
    for item in comparison["one_side"]:
        lines.append(f"- only {item['side']} ({', '.join(item['sources'])}): {item['sentence']}")
    return "\n".join(lines)


def main() -> int:
    articles, sources, options = story_articles(), story_sources(), DigestOptions()
    originals = [a for a in articles if a.duplicate_of is None]
    started = time.monotonic()
    first = build_digest(originals, sources, options)
    built = time.monotonic() - started
    started = time.monotonic()
    digest = build_digest(articles, sources, options, previous=first)
    updated = time.monotonic() - started
    if "--json" in sys.argv:
        print(json.dumps(digest, ensure_ascii=False, indent=1))
        return 0
    print(render(digest))
    print(
        f"\n(built from {len(originals)} originals in {built:.2f}s; adding the syndicated copy "
        f"reused that digest in {updated * 1000:.1f} ms, covers {first['covers']} -> "
        f"{digest['covers']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
