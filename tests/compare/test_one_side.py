"""Facts only one side of the spectrum reports: an invented bridge closure in the fictional
town of Tessel, told by two left-leaning and two right-leaning outlets. Own writing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from crosswire.digest import DigestOptions, build_digest
from crosswire.models import Article, Source

T0 = datetime(2026, 5, 5, 8, 0, tzinfo=UTC)
SHARED = (
    "The Corran bridge in Tessel was closed on Tuesday after engineers found cracks in two "
    "of its piers. "
)
LEFT_FACT = (
    "Residents of Tessel had warned the city council about the cracks in 2019, according to "
    "letters seen by reporters.",
    "Tessel residents warned the city council about the cracks in 2019, letters seen by "
    "reporters show.",
)
RIGHT_FACT = (
    "The closure will cost Tessel shops an estimated 40,000 euros a week, the chamber of "
    "commerce said.",
    "Tessel shops stand to lose an estimated 40,000 euros a week, the chamber of commerce said.",
)


def sources(**leanings: str | None) -> dict[str, Source]:
    return {name: Source(name, language="en", leaning=lean) for name, lean in leanings.items()}


def articles() -> list[Article]:
    def article(i: int, source: str, extra: str) -> Article:
        return Article(
            id=i,
            source=source,
            language="en",
            published_at=T0.replace(hour=8 + i),
            title=f"Corran bridge in Tessel closed over cracked piers ({source})",
            text=SHARED + extra,
        )

    return [
        article(1, "leftpaper.example", LEFT_FACT[0]),
        article(2, "leftwire.example", LEFT_FACT[1]),
        article(3, "rightpaper.example", RIGHT_FACT[0]),
        article(4, "rightwire.example", RIGHT_FACT[1]),
    ]


SPECTRUM = {
    "leftpaper.example": "left",
    "leftwire.example": "lean-left",
    "rightpaper.example": "right",
    "rightwire.example": "lean-right",
}
# the summary would show the one-sided facts of so short a story; one sentence leaves them out
OPTIONS = replace(DigestOptions(), summary_sentences=1)


def one_side(leanings: dict[str, str | None], stories: list[Article] | None = None) -> list:
    digest = build_digest(stories or articles(), sources(**leanings), OPTIONS)
    return digest.comparison.one_side


@pytest.fixture(scope="module")
def found() -> list:
    return one_side(SPECTRUM)


def test_each_side_has_the_fact_the_other_side_leaves_out(found):
    by_side = {f.side: f for f in found}
    assert set(by_side) == {"left", "right"}
    assert by_side["left"].sentence in LEFT_FACT
    assert sorted(by_side["left"].sources) == ["leftpaper.example", "leftwire.example"]
    assert by_side["right"].sentence in RIGHT_FACT
    assert sorted(by_side["right"].sources) == ["rightpaper.example", "rightwire.example"]
    # the outlet whose words are shown comes first, and its article is named
    for fact in found:
        assert fact.sources[0] == fact.source
        assert fact.article_id in {1, 2, 3, 4}


def test_a_fact_every_side_reports_is_not_one_sided(found):
    assert not any("Corran bridge" in f.sentence for f in found)


def test_one_fact_is_listed_once_whichever_outlet_words_it(found):
    assert len(found) == 2


def test_an_outlet_of_the_other_side_reporting_it_makes_it_shared():
    stories = articles()
    stories[3] = replace(stories[3], text=SHARED + RIGHT_FACT[1] + " " + LEFT_FACT[0])
    found = one_side(SPECTRUM, stories)
    assert [f.side for f in found] == ["right"]


def test_an_outlet_of_unknown_leaning_reporting_it_makes_it_unproven():
    stories = [*articles(), replace(articles()[0], id=5, source="unrated.example")]
    found = one_side({**SPECTRUM, "unrated.example": None}, stories)
    assert [f.side for f in found] == ["right"]


def test_nothing_is_one_sided_when_one_side_or_no_known_side_covers_the_story():
    assert one_side(dict.fromkeys(SPECTRUM, "left")) == []
    assert one_side(dict.fromkeys(SPECTRUM)) == []
    assert one_side({**dict.fromkeys(SPECTRUM, "left"), "rightpaper.example": "center"})


def test_a_one_sided_fact_the_summary_states_is_marked_there_and_not_listed_again():
    digest = build_digest(articles(), sources(**SPECTRUM), DigestOptions())
    summary = {entry.text: entry for entry in digest.summary}
    facts = digest.comparison.one_side
    assert sorted(f.side for f in facts) == ["left", "right"]  # each fact once
    for fact in facts:
        assert fact.in_summary  # a five-sentence summary of so short a story states both
        assert summary[fact.sentence].one_side == fact.side
    shared = [e for e in summary.values() if "Corran bridge" in e.text]
    assert shared and all(e.one_side is None for e in shared)


def test_facts_beside_the_summary_are_not_marked_in_summary(found):
    assert not any(f.in_summary for f in found)
