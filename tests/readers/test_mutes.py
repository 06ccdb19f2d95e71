"""Mutes and follow targets: what they match and refuse."""

from __future__ import annotations

import pytest

from crosswire.readers.follows import FollowError, normalise_target
from crosswire.readers.mutes import build_mutes, content_filters, normalise_mute


def test_keywords_match_whole_words_in_any_case_and_width():
    mutes = build_mutes([("keyword", "Bridge"), ("keyword", "ＵＮ")])
    assert mutes.hides("The BRIDGE reopens", "", ["a.example"])
    assert mutes.hides("Talks at the un today", None, [])
    assert not mutes.hides("Bridges and tunnels", "A bridgehead held.", ["a.example"])
    assert not mutes.hides("Unrest grows", "", [])


def test_unspaced_scripts_match_inside_words():
    mutes = build_mutes([("keyword", "选举")])
    assert mutes.hides("美国选举结果公布", "", [])
    assert not mutes.hides("美国经济", "", [])


def test_an_outlet_hides_only_stories_no_one_else_reports():
    mutes = build_mutes([("outlet", "tabloid.example")])
    assert mutes.hides("Anything", "", ["tabloid.example"])
    assert not mutes.hides("Anything", "", ["tabloid.example", "paper.example"])
    assert not mutes.hides("Anything", "", [])
    assert not build_mutes([])


def test_a_filter_mutes_its_keywords_in_every_language():
    sports = content_filters()["sports"]
    words = sports.all_keywords()
    assert len(sports.keywords) > 5 and len(words) > 20
    mutes = build_mutes([("filter", "sports")])
    for lang in ("en", "fr", "ja"):
        word = sports.keywords[lang][0]
        assert mutes.hides(f"Le {word} 2026", "", []), (lang, word)
    assert normalise_mute("filter", "sports") == "sports"
    with pytest.raises(FollowError):
        normalise_mute("filter", "no-such-filter")


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("story", " 42 ", "42"),
        ("outlet", "https://www.Paper.example/news", "paper.example"),
        ("place", "pe", "PE"),
        ("query", "  dam \n collapse ", "dam collapse"),
    ],
)
def test_targets_are_normalised(kind, raw, expected):
    assert normalise_target(kind, raw) == expected


@pytest.mark.parametrize(
    ("kind", "raw"),
    [("story", "0"), ("story", "x"), ("story", str(2**63)), ("outlet", "not a domain"),
     ("place", "PER"), ("query", " "), ("query", "x" * 201), ("planet", "mars")],
)  # fmt: skip
def test_bad_targets_say_why(kind, raw):
    with pytest.raises(FollowError):
        normalise_target(kind, raw)


def test_bad_mutes_say_why():
    for kind, raw in (("keyword", " !! "), ("keyword", "x" * 101), ("colour", "red")):
        with pytest.raises(FollowError):
            normalise_mute(kind, raw)
    assert normalise_mute("keyword", "  Élection  Day ") == "élection day"
