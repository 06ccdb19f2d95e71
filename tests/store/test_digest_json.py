"""The digest's JSON (``store.digest_json``): the fields of the dataclasses in their order, a
changed figure's fields only where it changed, and older stored digests still read."""

from __future__ import annotations

import json

from crosswire.models import (
    Comparison,
    Conflict,
    ConflictSide,
    Digest,
    DisputeSide,
    FigureRow,
    SideEvidence,
    SummaryEntry,
)
from crosswire.store.digest_json import digest_from_json, digest_json


def test_fields_left_at_their_default_are_absent_only_where_marked():
    side = ConflictSide(claim="12", sources=["a"], sentence="s", article_id=1)
    side.evidence = [SideEvidence(article_id=1, sentence="s", source="a")]
    digest = Digest(
        headline="H",
        comparison=Comparison(
            conflicts=[Conflict(kind="number", topic="people", sides=[side])],
            numbers=[FigureRow(subject="people", conflict=True)],
        ),
    )
    data = digest_json(digest)
    assert list(data) == [
        "headline", "language", "summary", "timeline", "spread", "places", "comparison",
        "copies", "article_count", "source_count", "covers", "originals", "options_key",
    ]  # fmt: skip
    [conflict] = data["comparison"]["conflicts"]
    assert "changed" not in conflict and "published" not in conflict["sides"][0]
    assert "changed" not in data["comparison"]["numbers"][0]
    assert data["spread"]["blindspot"] is None  # not marked: null, as it always was
    changed = Conflict(
        kind="number",
        topic="people",
        sides=[ConflictSide(claim="12", published="2026-03-14T06:00:00+00:00")],
        changed=True,
    )
    again = digest_json(Digest(comparison=Comparison(conflicts=[changed])))
    [written] = again["comparison"]["conflicts"]
    assert written["changed"] is True and list(written)[-1] == "changed"
    assert written["sides"][0]["published"] == "2026-03-14T06:00:00+00:00"
    assert digest_from_json(json.loads(json.dumps(data))) == digest


def test_an_older_stored_digest_still_reads():
    """A digest of an early version: no places, quotes without translations, a summary
    sentence without lead_in or marks, keys since dropped, nulls and parts of the wrong
    shape. Missing parts take their defaults; nothing raises."""
    old = {
        "headline": "Bridge closes",
        "summary": [
            {"text": "The bridge closed.", "article_id": 3, "source": "a", "sources": ["a"]},
            "not an entry",
            {"text": "It reopens.", "disputed": [{"kind": "number", "sides": [{"claim": "2"}]}]},
        ],
        "comparison": {"quotes": [{"quote": "We will rebuild", "speaker": None}]},
        "spread": {"leaning": {"left": 2}, "blindspot": None},
        "timeline": None,
        "retired_key": 1,
    }
    digest = digest_from_json(old)
    assert digest.headline == "Bridge closes" and digest.places == [] and digest.timeline == []
    assert digest.summary[0] == SummaryEntry(
        text="The bridge closed.", article_id=3, source="a", sources=["a"]
    )
    assert digest.summary[1].disputed[0].sides == [DisputeSide(claim="2")]
    assert digest.comparison.quotes[0].translations == []
    assert digest.spread.leaning == {"left": 2} and digest.spread.country == {}
    assert digest_from_json(None) == Digest() == digest_from_json({})
