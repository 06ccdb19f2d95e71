"""Figures that changed between reports: an invented landslide in the fictional valley of
Orrin, whose toll one outlet gives in the morning and others revise in the evening. Own
writing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from crosswire.compare.numbers import figures_disagree
from crosswire.digest import DigestOptions, build_digest
from crosswire.digest.render import render_text
from crosswire.models import Article, Conflict, Digest
from tests.fixtures.story_fixture import story_articles, story_sources

T0 = datetime(2026, 3, 14, 7, 0, tzinfo=UTC)
LEAD = "A landslide buried part of the village of Merel in the Orrin valley on Friday night. "
MORNING = "At least 12 people were killed when the hillside above Merel gave way, officials said."
EVENING = "At least 31 people were killed when the hillside above Merel gave way, officials said."


def article(i: int, source: str, toll: str, hours: float | None) -> Article:
    return Article(
        id=i,
        source=source,
        language="en",
        published_at=None if hours is None else T0 + timedelta(hours=hours),
        title=f"Landslide buries homes in Merel ({source})",
        text=LEAD + toll,
    )


def digest_of(articles: list[Article]) -> Digest:
    return build_digest(articles, {}, DigestOptions(summary_sentences=3))


def toll_differences(digest: Digest) -> list[Conflict]:
    return [c for c in digest.comparison.conflicts if c.topic == "people"]


def test_a_toll_revised_hours_later_is_a_change_not_a_dispute():
    digest = digest_of(
        [
            article(1, "valleypost.example", MORNING, 0),
            article(2, "ridgewire.example", EVENING, 10),
            article(3, "orrintimes.example", EVENING, 11),
        ]
    )
    [change] = toll_differences(digest)
    assert change.changed is True
    assert [s.claim for s in change.sides] == ["12 people", "31 people"]  # earliest first
    assert change.sides[0].sources == ["valleypost.example"]
    assert set(change.sides[1].sources) == {"ridgewire.example", "orrintimes.example"}
    assert change.sides[1].published == (T0 + timedelta(hours=10)).isoformat()
    toll = next(e for e in digest.summary if "12 people" in e.text)
    assert toll.disputed == []
    [note] = toll.changed
    assert [(s.claim, s.here) for s in note.sides] == [
        ("12 people", True),
        ("31 people", False),
    ]
    [row] = digest.comparison.numbers  # the figures of the toll, aligned
    assert row.changed and not row.conflict
    assert sorted(v.text for v in row.values) == ["12 people", "31 people", "31 people"]
    lines = render_text(digest)
    assert "## Figures that changed between reports" in lines
    assert "## Where the outlets differ" not in lines
    later = (T0 + timedelta(hours=10)).strftime("%Y-%m-%d %H:%M UTC")
    assert (
        "  figure changed (people): later 31 people [ridgewire.example, orrintimes.example] "
        + later
    ) in lines


def test_different_figures_at_about_the_same_time_stay_disputed():
    digest = digest_of(
        [
            article(1, "valleypost.example", MORNING, 0),
            article(2, "ridgewire.example", EVENING, 1),
        ]
    )
    [dispute] = toll_differences(digest)
    assert not dispute.changed
    toll = next(e for e in digest.summary if "killed" in e.text)
    assert toll.disputed and toll.changed == []


def test_an_outlet_that_keeps_the_old_figure_later_makes_it_a_dispute():
    digest = digest_of(
        [
            article(1, "valleypost.example", MORNING, 0),
            article(2, "ridgewire.example", EVENING, 10),
            article(3, "orrintimes.example", MORNING, 12),  # still 12, after the 31
        ]
    )
    [dispute] = toll_differences(digest)
    assert not dispute.changed


def test_an_outlet_that_repeats_a_figure_in_other_words_joins_its_side():
    # the rules pair the two closest sentences; a third outlet that still gives 12, in its
    # own words and after the 31 appeared, makes the difference a dispute, not a change
    stale = "Officials said at least 12 people died when the hillside above Merel collapsed."
    digest = digest_of(
        [
            article(1, "valleypost.example", MORNING, 0),
            article(2, "ridgewire.example", EVENING, 10),
            article(3, "orrintimes.example", stale, 12),
        ]
    )
    [dispute] = toll_differences(digest)
    assert not dispute.changed
    twelve = next(side for side in dispute.sides if side.claim == "12 people")
    assert twelve.sources == ["valleypost.example", "orrintimes.example"]
    assert stale in [e.sentence for e in twelve.evidence]


def test_an_outlet_in_another_language_that_keeps_the_old_figure_makes_it_a_dispute():
    stale = (
        "Au moins 12 personnes ont été tuées quand la colline au-dessus de Merel a cédé, "
        "selon les autorités."
    )
    french = replace(
        article(3, "lemerel.example", stale, 12),
        language="fr",
        title="Glissement de terrain à Merel",
        text="Un glissement de terrain a enseveli une partie du village de Merel vendredi. "
        + stale,
    )
    digest = digest_of(
        [
            article(1, "valleypost.example", MORNING, 0),
            article(2, "ridgewire.example", EVENING, 10),
            french,
        ]
    )
    [dispute] = toll_differences(digest)
    assert not dispute.changed
    twelve = next(side for side in dispute.sides if side.claim == "12 people")
    assert "lemerel.example" in twelve.sources


def test_without_publication_times_a_difference_stays_disputed():
    digest = digest_of(
        [
            article(1, "valleypost.example", MORNING, None),
            article(2, "ridgewire.example", EVENING, None),
        ]
    )
    [dispute] = toll_differences(digest)
    assert not dispute.changed


def test_a_figure_row_that_changed_leaves_the_differences_and_a_claim_stays_disputed():
    # the fixture's ferry fire, with the 340 passengers reported five hours after the 212
    articles = story_articles()
    first = articles[0].published_at
    articles[1] = replace(articles[1], published_at=first + timedelta(hours=5))
    digest = build_digest(articles, story_sources(), DigestOptions())
    comparison = digest.comparison
    [row] = [r for r in comparison.numbers if r.subject == "passenger"]
    assert row.changed and not row.conflict
    [passengers] = [c for c in comparison.conflicts if c.topic == "passenger"]
    assert passengers.changed
    assert [s.claim for s in passengers.sides] == ["212 passengers", "340 passengers"]
    [casualties] = [c for c in comparison.conflicts if c.kind == "casualty"]
    assert not casualties.changed  # killed or injured is not a figure that moves
    lines = render_text(digest)
    changed = lines.index("## Figures that changed between reports")
    assert lines[changed + 1] == (
        "- passenger: 212 passengers [harbourpost.example] 2026-03-14 06:00 UTC"
        " -> 340 passengers [northwire.example] 2026-03-14 11:00 UTC"
    )
    differ = lines[lines.index("## Where the outlets differ") : changed]
    assert not any(line.startswith("- passenger") for line in differ)


def test_an_outlet_that_gives_another_figure_is_not_credited_with_this_one():
    # the morning's "12 killed" is close in words to the evening's "31 killed": not the same
    digest = digest_of(
        [
            article(1, "valleypost.example", MORNING, 0),
            article(2, "ridgewire.example", EVENING.replace(" above Merel", ""), 10),
        ]
    )
    for entry in digest.summary:
        if "killed" in entry.text:
            assert entry.sources == [entry.source], entry


def test_figures_disagree_only_when_neither_sentence_gives_the_others_figure():
    assert figures_disagree("At least 12 people were killed.", "At least 31 people died.")
    assert not figures_disagree("At least 12 people were killed.", "Twelve people died.")
    # "235,000 in" has no unit, but the other sentence's "235,000 jobs" is there
    assert not figures_disagree(
        "Employers added 235,000 jobs last month.",
        "Payrolls rose by 235,000 in August, down from 943,000 jobs in July.",
    )
    assert not figures_disagree("12 people were killed.", "The storm hit 4 towns.")


def test_naive_and_aware_publication_times_compare():
    # an article read from a store or a feed without an offset is UTC, as everywhere
    naive = article(2, "ridgewire.example", EVENING, 10)
    naive = replace(naive, published_at=naive.published_at.replace(tzinfo=None))
    digest = digest_of([article(1, "valleypost.example", MORNING, 0), naive])
    [change] = toll_differences(digest)
    assert change.changed
