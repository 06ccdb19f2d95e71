"""Fetch-free extraction throughput: crosswire's extractor vs calling trafilatura directly.

    python bench/extract_speed.py ../shared/datasets/extraction-scrapinghub [--rounds 3]

Both run on the same decoded pages in the same process, interleaved page by page so that
noise from other work on the machine hits both alike. Baselines measured:

- ``trafilatura_metadata``: ``trafilatura.bare_extraction(html, url, with_metadata=True)``,
  the same job crosswire does (text plus title, author, date, site name, canonical URL);
- ``trafilatura_text``: ``trafilatura.extract(html, url)``, text only, for reference.

Reports pages per second for each and the ratio crosswire / baseline (target ≥ 0.85 against
``trafilatura_metadata``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from crosswire.eval.extraction import crosswire_text, load_pages  # noqa: E402


def trafilatura_metadata(html: str, url: str) -> str:
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    return (doc.text or "") if doc is not None else ""


def trafilatura_text(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url or None) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", help="extraction-scrapinghub folder")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the pages")
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    args = parser.parse_args()
    pages = load_pages(args.dataset, args.limit)
    for page in pages[:3]:  # warm caches and lazy imports outside the timing
        crosswire_text(page)
        trafilatura_metadata(page.html, page.url)
        trafilatura_text(page.html, page.url)
    seconds = {"crosswire": 0.0, "trafilatura_metadata": 0.0, "trafilatura_text": 0.0}
    for _ in range(args.rounds):
        for page in pages:
            for name in seconds:
                started = time.perf_counter()
                if name == "crosswire":
                    crosswire_text(page)
                elif name == "trafilatura_metadata":
                    trafilatura_metadata(page.html, page.url)
                else:
                    trafilatura_text(page.html, page.url)
                seconds[name] += time.perf_counter() - started
    n = len(pages) * args.rounds
    rate = {name: n / s for name, s in seconds.items()}
    print(
        json.dumps(
            {
                "pages": len(pages),
                "rounds": args.rounds,
                "pages_per_second": {k: round(v, 2) for k, v in rate.items()},
                "ratio_vs_trafilatura_metadata": round(
                    rate["crosswire"] / rate["trafilatura_metadata"], 3
                ),
                "ratio_vs_trafilatura_text": round(rate["crosswire"] / rate["trafilatura_text"], 3),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
