"""Read MultiLing 2011 and AllSides stories for the digest evaluation (paths from the caller)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from crosswire.eval.datasets import read_jsonl
from crosswire.models import Article, as_utc


@dataclass
class GoldStory:
    story: str
    articles: list[Article]
    references: list[str]


def multiling_stories(directory: str | Path, lang: str) -> list[GoldStory]:
    """MultiLing 2011: each story's documents in ``lang``; every document is its own outlet."""
    directory = Path(directory)
    docs: dict[str, list[dict]] = defaultdict(list)
    for row in read_jsonl(directory / "docs.jsonl", required=("id", "lang", "story")):
        if row["lang"] == lang:
            docs[row["story"]].append(row)
    refs = {
        r["story"]: r["references"]
        for r in read_jsonl(
            directory / "references.jsonl", required=("lang", "story", "references")
        )
        if r["lang"] == lang
    }
    stories = []
    for story, rows in sorted(docs.items()):
        articles = [
            Article(
                id=n + 1,
                title=row.get("title") or "",
                text=row.get("text") or "",
                language=lang,
                source=f"doc{n + 1}",
                external_id=row["id"],
                published_at=as_utc(row["date"]) if row.get("date") else None,
            )
            for n, row in enumerate(sorted(rows, key=lambda r: r["id"]))
        ]
        stories.append(GoldStory(story, articles, refs.get(story, [])))
    return [s for s in stories if s.references]


def allsides_stories(directory: str | Path, split: str) -> list[GoldStory]:
    """AllSides: three outlets per story; the editors' neutral summary is the reference."""
    directory = Path(directory)
    rows: dict[str, list[dict]] = defaultdict(list)
    for row in read_jsonl(directory / f"{split}.articles.jsonl", required=("id", "story")):
        rows[row["story"]].append(row)
    references = read_jsonl(
        directory / f"{split}.references.jsonl", required=("story", "reference")
    )
    refs = {r["story"]: r["reference"] for r in references}
    stories = []
    for story, members in sorted(rows.items()):
        articles = [
            Article(
                id=n + 1,
                title=row.get("title") or "",
                text=row.get("text") or "",
                language=row.get("lang") or "en",
                source=f"outlet{row['id'].rsplit('-', 1)[-1]}",
                external_id=row["id"],
            )
            for n, row in enumerate(sorted(members, key=lambda r: r["id"]))
        ]
        if story in refs:
            stories.append(GoldStory(story, articles, [refs[story]]))
    return stories


def event_stories(path: str | Path) -> list[GoldStory]:
    """Event-labelled articles (``event-clusters/*.articles.jsonl``) as stories without
    references: real outlet names and publication dates, for the summary's quality counts."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for row in read_jsonl(path, required=("id", "story", "text")):
        rows[row["story"]].append(row)
    stories = []
    for story, members in sorted(rows.items()):
        articles = [
            Article(
                id=n + 1,
                title=row.get("title") or "",
                text=row.get("text") or "",
                language=row.get("lang") or "en",
                source=row.get("source") or f"outlet{n + 1}",
                external_id=row["id"],
                published_at=as_utc(row["date"]) if row.get("date") else None,
            )
            for n, row in enumerate(sorted(members, key=lambda r: r["id"]))
        ]
        stories.append(GoldStory(story, articles, []))
    return stories
