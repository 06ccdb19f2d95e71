"""Quotes with a named speaker, on a sample labelled by hand (``data/quote_speakers_sample.jsonl``).

Each line is one quotation of a dataset's article, by offsets only: ``{"set", "article",
"start", "end", "named", "speakers": [{"start", "end"}, …]}``. ``named`` says whether the
article names who said it (in the quotation's sentence, or through a pronoun or a description
that stands for a person named before); ``speakers`` are where that name stands (several for a
joint statement). The text is read from the dataset when scored, never stored here.

A quotation's speaker is found when the one crosswire gives it (``compare.quotes``, over the
article's sentences as the digest reads them) shares a word with a labelled name. Reported:
the named quotations, those found, and those whose speaker was given wrongly or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crosswire.compare.quotes import quotations
from crosswire.digest.options import DigestOptions
from crosswire.eval.datasets import read_jsonl
from crosswire.text.sentences import article_sentences

DEFAULT_SAMPLE = Path(__file__).parent / "data" / "quote_speakers_sample.jsonl"


def sample_set(dataset: Path, split: str) -> str:
    """The sample's name for a dataset: "basil-dev" for event-clusters/basil-dev.articles.jsonl,
    "allsides-val" for the AllSides directory's val split."""
    if dataset.name.endswith(".jsonl"):
        return dataset.name.split(".")[0]
    return f"{dataset.name.split('-')[0]}-{split}"


def _found(speaker: str | None, names: list[str]) -> bool:
    given = {w.casefold().strip(".,") for w in (speaker or "").split()}
    return any(given & {w.casefold().strip(".,") for w in name.split()} for name in names)


def score_speakers(articles: list, labels: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """Named quotations of ``labels`` in set ``name`` whose speaker crosswire finds, over
    ``articles`` (``models.Article`` with ``external_id``)."""
    by_id = {a.external_id: a for a in articles}
    limit = DigestOptions().max_sentences_per_article
    speakers: dict[str, dict[int, str | None]] = {}
    named = found = 0
    misses = []
    mine = [label for label in labels if label.get("set") == name]
    for label in mine:
        article = by_id.get(label["article"])
        if article is None or not label.get("named"):
            continue
        text = article.text or ""
        if article.external_id not in speakers:
            given: dict[int, str | None] = {}
            for quote, who, _ in quotations(article_sentences(article, limit)):
                given.setdefault(text.find(quote), who)
            speakers[article.external_id] = given
        who = speakers[article.external_id].get(label["start"])
        names = [text[s["start"] : s["end"]] for s in label.get("speakers") or []]
        named += 1
        if _found(who, names):
            found += 1
        else:
            misses.append({"article": label["article"], "start": label["start"], "given": who})
    return {
        "sampled": len(mine),
        "named": named,
        "found": found,
        "fraction": round(found / named, 4) if named else 0.0,
        "misses": misses,
    }


def read_sample(path: Path) -> list[dict[str, Any]]:
    return read_jsonl(path, required=("set", "article", "start", "end"))
