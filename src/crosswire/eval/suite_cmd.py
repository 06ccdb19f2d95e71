"""``crosswire eval suite``: the story engine's development figures in one run.

Every file of the development suite that is found under ``--root`` (the shared datasets
folder) is scored with the production engine and settings:

- events (``eval cluster``): AllSides val, BASIL dev, ECB+ dev, and their unweighted mean;
- developing stories (``eval cluster --level topic``): MultiLing 2011 ar,en,fr and all
  seven languages;
- article pairs (``eval pairs``): SemEval 2022 training pairs, Pearson.

A missing file is reported as missing and left out of the means; ``--include-train`` adds
AllSides train to the event files (the material the engine's settings are chosen on).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from crosswire.console import settings_from
from crosswire.eval.cluster_cmd import SCORES, evaluate_file, mean_scores

EVENT_FILES = (
    "allsides-stories/val.articles.jsonl",
    "event-clusters/basil-dev.articles.jsonl",
    "event-clusters/ecbplus-dev.articles.jsonl",
)
TRAIN_FILES = ("allsides-stories/train.articles.jsonl",)
TOPIC_RUNS = (("multiling2011/docs.jsonl", "ar,en,fr"), ("multiling2011/docs.jsonl", None))
PAIRS_FILE = "semeval2022-pairs/training_set.jsonl"


def run_suite(root: Path, settings, include_train: bool = False) -> dict:  # noqa: ANN001
    """Scores of every suite file found under ``root`` (see the module docstring)."""
    from crosswire.cluster import StoryEngine, options_from_settings
    from crosswire.eval.datasets import read_jsonl
    from crosswire.eval.pairs_cmd import score_pairs_file

    out: dict = {"events": [], "topics": [], "missing": []}
    for name in (*TRAIN_FILES, *EVENT_FILES) if include_train else EVENT_FILES:
        path = root / name
        if not path.is_file():
            out["missing"].append(name)
            continue
        result = evaluate_file(str(path), settings)
        out["events"].append({"dataset": name, **{k: result[k] for k in (*SCORES, "docs")}})
    if out["events"]:
        out["events_mean"] = mean_scores(out["events"])
    for name, langs in TOPIC_RUNS:
        path = root / name
        if not path.is_file():
            out["missing"].append(name)
            continue
        languages = set(langs.split(",")) if langs else None
        result = evaluate_file(str(path), settings, languages=languages, level="topic")
        label = f"{name} --langs {langs}" if langs else name
        out["topics"].append({"dataset": label, **{k: result[k] for k in (*SCORES, "docs")}})
    path = root / PAIRS_FILE
    if path.is_file():
        engine = StoryEngine(options_from_settings(settings))
        records = read_jsonl(path, required=("text1", "text2", "overall"))
        result = score_pairs_file(records, engine)
        out["pairs"] = {"dataset": PAIRS_FILE, "pearson": result["pearson"]}
    else:
        out["missing"].append(PAIRS_FILE)
    return out


@click.command("suite")
@click.option(
    "--root",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="The datasets folder (its allsides-stories/, event-clusters/ … subfolders).",
)
@click.option("--include-train", is_flag=True, help="Also score AllSides train.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def suite(ctx: click.Context, root: str, include_train: bool, as_json: bool) -> None:
    """Score the story engine on every development file found under --root."""
    result = run_suite(Path(root), settings_from(ctx), include_train)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    rows = [*result["events"]]
    if "events_mean" in result:
        rows.append({"dataset": "mean (events)", **result["events_mean"]})
    rows.extend(result["topics"])
    for row in rows:
        cells = " ".join(f"{k.replace('pairwise_', 'pair ')}={row[k]:.4f}" for k in SCORES)
        click.echo(f"{row['dataset']:48} {cells}")
    if "pairs" in result:
        click.echo(f"{result['pairs']['dataset']:48} pearson={result['pairs']['pearson']:.4f}")
    for name in result["missing"]:
        click.echo(f"{name:48} missing")
