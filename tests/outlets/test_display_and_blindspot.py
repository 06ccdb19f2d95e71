"""Not rated is not unknown; a story's spread counts outlets as known now; blindspots need
three rated outlets, three in four of them on one side, and say the counts in words."""

from __future__ import annotations

from crosswire.models import Article, Source
from crosswire.outlets.blindspot import blindspot_side, describe, side_counts
from crosswire.outlets.display import NOT_RATED, UNKNOWN, leaning_key, story_spread

TABLE = {
    "a.example": Source("a.example", leaning="left", country="US", provenance='{"name": "x"}'),
    "b.example": Source("b.example", leaning="lean-left", country="GB", provenance="list"),
    "c.example": Source("c.example", country="FR", provenance='{"country": "kite-media"}'),
    "d.example": Source("d.example", country="DE", provenance='{"country": "cctld"}'),
    "e.example": Source("e.example", leaning="lean-left", provenance='{"name": "operator"}'),
    "f.example": Source("f.example", leaning="right", provenance='{"name": "operator"}'),
}


def test_not_rated_and_unknown():
    assert leaning_key(TABLE["a.example"]) == "left"
    assert leaning_key(TABLE["c.example"]) == NOT_RATED  # the registry knows it
    assert leaning_key(TABLE["d.example"]) == UNKNOWN  # only its domain's country
    assert leaning_key(None) == UNKNOWN
    assert leaning_key(Source("x.example")) == UNKNOWN


def test_story_spread_counts_each_outlet_once_as_known_now():
    articles = [
        Article(title="1", text="x", source="a.example", language="en"),
        Article(title="2", text="y", source="a.example", language="en"),
        Article(title="3", text="z", source="c.example", language="fr"),
        Article(title="4", text="w", source="d.example", language="de"),
    ]
    spread = story_spread(articles, TABLE)
    assert spread.leaning == {"left": 1, NOT_RATED: 1, UNKNOWN: 1}
    assert spread.country == {"US": 1, "FR": 1, "DE": 1}


def test_blindspot_needs_three_rated_outlets_mostly_on_one_side():
    three_left = side_counts(["a.example", "b.example", "e.example", "c.example"], TABLE)
    assert three_left == {"left": 3, "center": 0, "right": 0, "not rated": 1}
    assert blindspot_side(three_left) == "left"
    assert describe(three_left) == (
        "3 left-leaning outlets, no center outlet and no right-leaning outlet (1 not rated)"
    )
    two = side_counts(["a.example", "b.example", "c.example", "d.example"], TABLE)
    assert blindspot_side(two) is None  # two rated outlets say nothing of a side
    mixed = side_counts(["a.example", "b.example", "e.example", "f.example"], TABLE)
    assert blindspot_side(mixed) == "left"  # 3 of 4: mostly
    even = side_counts(["a.example", "b.example", "f.example"], TABLE)
    assert blindspot_side(even) is None  # 2 of 3 is not three in four
    assert describe({"left": 1, "center": 1, "right": 2}) == (
        "1 left-leaning outlet, 1 center outlet and 2 right-leaning outlets"
    )
