"""Read MultiLing 2011 and AllSides stories for the digest evaluation (paths from the caller)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from crosswire.eval.datasets import read_jsonl
from crosswire.models import Article, as_utc


@dataclass
class GoldStory:
    story: str
    articles: list[Article]
    references: list[str]


def _by_story(rows: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["story"]].append(row)
    return grouped


def _language_of(row: dict) -> str:
    return row.get("lang") or "en"


def _articles(
    rows: list[dict],
    source: Callable[[int, dict], str],
    language: Callable[[dict], str] = _language_of,
    dated: bool = True,
) -> list[Article]:
    """A story's rows as articles in the order of their ids, numbered from 1 (``source``
    names the outlet of the n-th); ``dated``: with the rows' publication dates."""
    return [
        Article(
            id=n + 1,
            title=row.get("title") or "",
            text=row.get("text") or "",
            language=language(row),
            source=source(n, row),
            external_id=row["id"],
            published_at=as_utc(row["date"]) if dated and row.get("date") else None,
        )
        for n, row in enumerate(sorted(rows, key=lambda r: r["id"]))
    ]


def multiling_stories(directory: str | Path, lang: str) -> list[GoldStory]:
    """MultiLing 2011: each story's documents in ``lang``; every document is its own outlet."""
    directory = Path(directory)
    docs = _by_story(
        row
        for row in read_jsonl(directory / "docs.jsonl", required=("id", "lang", "story"))
        if row["lang"] == lang
    )
    refs = {
        r["story"]: r["references"]
        for r in read_jsonl(
            directory / "references.jsonl", required=("lang", "story", "references")
        )
        if r["lang"] == lang
    }
    stories = [
        GoldStory(
            story,
            _articles(rows, lambda n, row: f"doc{n + 1}", lambda row: lang),
            refs.get(story, []),
        )
        for story, rows in sorted(docs.items())
    ]
    return [s for s in stories if s.references]


def allsides_stories(directory: str | Path, split: str) -> list[GoldStory]:
    """AllSides: three outlets per story; the editors' neutral summary is the reference."""
    directory = Path(directory)
    rows = _by_story(read_jsonl(directory / f"{split}.articles.jsonl", required=("id", "story")))
    references = read_jsonl(
        directory / f"{split}.references.jsonl", required=("story", "reference")
    )
    refs = {r["story"]: r["reference"] for r in references}
    return [
        GoldStory(
            story,
            _articles(members, lambda n, row: f"outlet{row['id'].rsplit('-', 1)[-1]}", dated=False),
            [refs[story]],
        )
        for story, members in sorted(rows.items())
        if story in refs
    ]


def event_stories(path: str | Path) -> list[GoldStory]:
    """Event-labelled articles (``event-clusters/*.articles.jsonl``) as stories without
    references: real outlet names and publication dates, for the summary's quality counts."""
    rows = _by_story(read_jsonl(path, required=("id", "story", "text")))
    return [
        GoldStory(
            story,
            _articles(members, lambda n, row: row.get("source") or f"outlet{n + 1}"),
            [],
        )
        for story, members in sorted(rows.items())
    ]
