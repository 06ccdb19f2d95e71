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
from crosswire.digest.render import render_text  # noqa: E402
from crosswire.models import Digest  # noqa: E402
from crosswire.store.digest_json import digest_json  # noqa: E402


def render(digest: Digest) -> str:
    header = [
        f"# {digest.headline}",
        "",
        f"{digest.article_count} articles from {digest.source_count} outlets "
        f"(covers articles {digest.covers})",
    ]
    return "\n".join(header + render_text(digest))


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
        print(json.dumps(digest_json(digest), ensure_ascii=False, indent=1))
        return 0
    print(render(digest))
    print(
        f"\n(built from {len(originals)} originals in {built:.2f}s; adding the syndicated copy "
        f"reused that digest in {updated * 1000:.1f} ms, covers {first.covers} -> "
        f"{digest.covers})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
