"""The digest as text (``crosswire story``): every section that has content, none that has
not."""

from __future__ import annotations

from crosswire.digest import DigestOptions, build_digest
from crosswire.digest.render import render_text
from crosswire.models import Digest
from crosswire.store.digest_json import digest_from_json
from tests.fixtures.story_fixture import story_articles, story_sources


def test_every_part_of_the_fixture_storys_digest_is_shown():
    text = "\n".join(render_text(build_digest(story_articles(), story_sources(), DigestOptions())))
    for heading in (
        "Summary",
        "Where the outlets differ",
        "Quotes",
        "Only in one outlet",
        "Timeline",
        "Who covers it",
    ):
        assert f"\n## {heading}\n" in f"\n{text}\n"
    assert "- passenger: 212 passengers [harbourpost.example]; 340 passengers [northwire" in text
    assert "killed [harbourpost.example, ledauphin.example] vs injured [northwire" in text
    assert "- crew: two crew [harbourpost.example, northwire.example]\n" in text  # once
    assert "— Captain Mara Lind [harbourpost.example, northwire.example]" in text
    assert "also published by dailyecho.example" in text
    assert "## Only on one side" not in text  # no side has two outlets here


def test_one_sided_facts_are_said_where_they_are_read():
    digest = {
        "summary": [
            {"text": "The council was warned in 2019.", "sources": ["a", "b"], "one_side": "left"}
        ],
        "comparison": {
            "one_side": [
                {"side": "left", "sentence": "The council was warned in 2019.",
                 "sources": ["a", "b"], "in_summary": True},
                {"side": "right", "sentence": "Shops lose 40,000 euros a week.",
                 "sources": ["c", "d"], "in_summary": False},
            ]
        },
    }  # fmt: skip
    lines = render_text(digest_from_json(digest))
    assert "  only left-leaning outlets report this" in lines
    assert "- only right-leaning outlets: Shops lose 40,000 euros a week. [c, d]" in lines
    assert not any("only left-leaning outlets:" in line for line in lines)


def test_an_empty_digest_has_no_sections():
    assert render_text(Digest()) == []
    assert render_text(digest_from_json({})) == []  # an old, empty stored digest
