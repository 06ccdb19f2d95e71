"""The quote-speaker sample's scoring: offsets in, the speaker crosswire gives checked against
the labelled name's words. Own text."""

from __future__ import annotations

from pathlib import Path

from crosswire.eval.speaker_sample import DEFAULT_SAMPLE, read_sample, sample_set, score_speakers
from crosswire.models import Article

TEXT = (
    "Mayor Lena Koss toured the levee on Monday. "
    '"The pumps have been running since noon," she said. '
    '"We will rebuild the bridge before winter," a town official said.'
)


def label(quote: str, name: str | None) -> dict:
    start = TEXT.index(quote)
    row = {"set": "floods-dev", "article": "a1", "start": start, "end": start + len(quote)}
    row["named"] = name is not None
    if name is not None:
        at = TEXT.index(name)
        row["speakers"] = [{"start": at, "end": at + len(name)}]
    return row


def test_a_named_speaker_is_found_by_its_words_and_unnamed_quotes_are_not_counted():
    article = Article(
        id=1, title="", text=TEXT, language="en", source="a.example", external_id="a1"
    )
    labels = [
        label("The pumps have been running since noon,", "Koss"),
        label("We will rebuild the bridge before winter,", None),
        {**label("The pumps have been running since noon,", "Koss"), "set": "other-dev"},
    ]
    result = score_speakers([article], labels, "floods-dev")
    assert (result["sampled"], result["named"], result["found"]) == (2, 1, 1)
    wrong = label("The pumps have been running since noon,", "Lena")
    at = TEXT.index("levee")
    wrong["speakers"] = [{"start": at, "end": at + 5}]  # no word of the speaker given
    assert score_speakers([article], [wrong], "floods-dev")["found"] == 0


def test_the_shipped_sample_names_its_sets_and_offsets_only():
    rows = read_sample(DEFAULT_SAMPLE)
    assert len(rows) == 200
    assert {r["set"] for r in rows} == {"basil-dev", "allsides-val"}
    assert all(set(r) <= {"set", "article", "start", "end", "named", "speakers"} for r in rows)
    assert sample_set(Path("x/basil-dev.articles.jsonl"), "val") == "basil-dev"
