"""Main-text extraction scored the article-extraction-benchmark way.

Dataset layout (``../shared/datasets/extraction-scrapinghub``): ``html/<id>.html.gz`` and
``ground-truth.json`` (``{id: {"articleBody", "url"}}``). Metric: texts split into ``\\w+``
tokens, multisets of 4-token shingles compared, precision and recall averaged over pages,
F1 from the averages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from crosswire.extract.article import ExtractionError, extract_article
from crosswire.ingest.decoding import decode_text

_WORD = re.compile(r"\w+")


@dataclass
class Page:
    id: str
    url: str
    html: str
    expected: str


def load_pages(dataset: str | Path, limit: int | None = None) -> list[Page]:
    root = Path(dataset)
    truth_file = root / "ground-truth.json"
    if not truth_file.is_file():
        raise FileNotFoundError(f"{truth_file} not found (expected the benchmark's layout)")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        html, _ = decode_text(raw, None)
        item = truth[page_id]
        pages.append(Page(page_id, item.get("url") or "", html, item.get("articleBody") or ""))
    return pages


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def precision_recall(predicted: str, expected: str) -> tuple[float, float]:
    pred, gold = shingles(predicted), shingles(expected)
    if not pred and not gold:
        return 1.0, 1.0
    common = sum((pred & gold).values())
    precision = common / sum(pred.values()) if pred else 0.0
    recall = common / sum(gold.values()) if gold else 0.0
    return precision, recall


def crosswire_text(page: Page) -> str:
    """What crosswire stores as an article's text for this page."""
    try:
        return extract_article(page.html, page.url or None).text
    except ExtractionError:
        return ""


def timed(pages: list[Page], extract: Callable[[Page], str]) -> Iterator[tuple[Page, str, float]]:
    for page in pages:
        started = time.perf_counter()
        text = extract(page)
        yield page, text, time.perf_counter() - started


def evaluate(pages: list[Page], extract: Callable[[Page], str] = crosswire_text) -> dict:
    total_p = total_r = elapsed = 0.0
    for page, text, seconds in timed(pages, extract):
        p, r = precision_recall(text, page.expected)
        total_p += p
        total_r += r
        elapsed += seconds
    n = len(pages) or 1
    precision, recall = total_p / n, total_r / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "pages": len(pages),
        "pages_per_second": round(len(pages) / elapsed, 2) if elapsed else 0.0,
    }
