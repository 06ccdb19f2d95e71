"""``crosswire eval cluster``: cluster a labelled dataset with the production engine."""

from __future__ import annotations

import itertools
import json
import time

import click

from crosswire.cli.common import settings_from
from crosswire.cluster import StoryEngine, options_from_settings
from crosswire.eval.datasets import load_labelled_articles
from crosswire.eval.metrics import score_bcubed, score_pairs
from crosswire.models import Article


def cache_embeddings_on_disk(embedder: str) -> None:
    """Let evaluations reuse the vectors of earlier runs (same model, same text); the model
    -free ``hashing`` embedder is cheaper to recompute than to look up."""
    if embedder.startswith("hashing"):
        return
    from crosswire.embed import default_cache_path, load_embedder

    load_embedder(embedder).attach_disk(default_cache_path())


LEVELS = ("event", "topic")


def cluster_articles(
    articles: list[Article], engine: StoryEngine, batch: int = 64, level: str = "event"
) -> list[int]:
    """Story id of each article after feeding them to ``engine`` in batches, merges applied;
    with ``level="topic"``, the id of its developing story (that of the story it ended in)."""
    story_of: dict[int, int] = {}
    topic_of: dict[int, int] = {}  # story id -> its topic at its latest decision
    for start in range(0, len(articles), batch):
        for decision in engine.add(articles[start : start + batch]):
            story_of[decision.article_id] = decision.story_id  # type: ignore[assignment]
            if decision.topic_id is not None:
                topic_of[decision.story_id] = decision.topic_id  # type: ignore[index]
        for article_id, _, into in engine.drain_moves():
            story_of[article_id] = into
    stories = [engine.resolve(story_of[a.id]) for a in articles]  # type: ignore[index]
    if level == "event":
        return stories
    return [topic_of.get(s, s) for s in stories]


def evaluate_clustering(
    articles: list[Article], gold: list[str], engine: StoryEngine, level: str = "event"
) -> dict:
    started = time.perf_counter()
    predicted = cluster_articles(articles, engine, level=level)
    elapsed = time.perf_counter() - started
    result: dict = {}
    result.update(score_pairs(gold, predicted))
    result.update(score_bcubed(gold, predicted))
    result.update(
        docs=len(articles),
        gold_stories=len(set(gold)),
        predicted_stories=len(set(predicted)),
        docs_per_second=len(articles) / elapsed if elapsed else 0.0,
    )
    return result


@click.command("cluster")
@click.option("--dataset", "path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Use only the first N articles.")
@click.option("--langs", default=None, help="Keep only these languages, e.g. ar,en,fr.")
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="event",
    show_default=True,
    help="Score the stories (single events) or the developing stories (topics) they form.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def cluster(
    ctx: click.Context,
    path: str,
    limit: int | None,
    langs: str | None,
    level: str,
    as_json: bool,
) -> None:
    """Cluster a labelled JSONL dataset and score it against its gold stories."""
    settings = settings_from(ctx)
    languages = {x.strip() for x in langs.split(",") if x.strip()} if langs else None
    articles, gold = load_labelled_articles(path, limit=limit, languages=languages)
    cache_embeddings_on_disk(settings.embedder)
    counter = itertools.count(1)
    engine = StoryEngine(options_from_settings(settings), new_story_id=lambda: next(counter))
    result = evaluate_clustering(articles, gold, engine, level=level)
    result["level"] = level
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            click.echo(f"{key:20} {value:.4f}" if isinstance(value, float) else f"{key:20} {value}")
