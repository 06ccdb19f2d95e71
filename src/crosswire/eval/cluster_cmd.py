"""``crosswire eval cluster``: cluster a labelled dataset with the production engine."""

from __future__ import annotations

import json
import time

import click

from crosswire.cluster import StoryEngine, options_from_settings
from crosswire.console import settings_from
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


SCORES = (
    "pairwise_precision",
    "pairwise_recall",
    "pairwise_f1",
    "bcubed_precision",
    "bcubed_recall",
    "bcubed_f1",
)


def evaluate_file(
    path: str,
    settings,  # noqa: ANN001 - crosswire.settings.Settings
    limit: int | None = None,
    languages: set[str] | None = None,
    level: str = "event",
) -> dict:
    """One dataset file clustered by a fresh engine with ``settings``' options."""
    articles, gold = load_labelled_articles(path, limit=limit, languages=languages)
    cache_embeddings_on_disk(settings.embedder)
    engine = StoryEngine(options_from_settings(settings))
    result = evaluate_clustering(articles, gold, engine, level=level)
    result["level"] = level
    return result


def mean_scores(results: list[dict]) -> dict:
    """The unweighted mean of each score over the files (each file counts once)."""
    return {key: sum(r[key] for r in results) / len(results) for key in SCORES}


@click.command("cluster")
@click.option(
    "--dataset",
    "paths",
    required=True,
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A labelled JSONL file; repeat it to score several files and their mean.",
)
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
    paths: tuple[str, ...],
    limit: int | None,
    langs: str | None,
    level: str,
    as_json: bool,
) -> None:
    """Cluster labelled JSONL datasets and score each against its gold stories.

    With one --dataset, one object of scores; with several, each file's scores
    (``datasets``) and their unweighted mean (``mean``)."""
    settings = settings_from(ctx)
    languages = {x.strip() for x in langs.split(",") if x.strip()} if langs else None
    results = [
        {"dataset": path, **evaluate_file(path, settings, limit, languages, level)}
        for path in paths
    ]
    if len(results) == 1:
        output: dict = results[0]
        del output["dataset"]
    else:
        output = {"datasets": results, "mean": mean_scores(results)}
    if as_json:
        click.echo(json.dumps(output, indent=2))
    elif len(results) == 1:
        for key, value in output.items():
            click.echo(f"{key:20} {value:.4f}" if isinstance(value, float) else f"{key:20} {value}")
    else:
        click.echo(score_table(results))


def score_table(results: list[dict]) -> str:
    """Pairwise and B-cubed P/R/F1 per file and their mean, as aligned text."""
    names = ("pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1")
    header = f"{'dataset':40} " + " ".join(f"{n:>7}" for n in names)
    rows = [header]
    for name, scores in [*((r["dataset"], r) for r in results), ("mean", mean_scores(results))]:
        cells = " ".join(f"{scores[key]:7.4f}" for key in SCORES)
        rows.append(f"{name[-40:]:40} {cells}")
    return "\n".join(rows)
