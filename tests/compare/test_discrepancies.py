"""Discrepancies read across a story: counts aligned by what they count, days that differ as
dates, a quotation said with a negation in one outlet only; and what none of them flags.
Own sentences."""

from __future__ import annotations

from datetime import UTC, datetime

from crosswire.compare.discrepancies import (
    context_conflicts,
    count_conflicts,
    counted_figures,
    day_conflicts,
    quote_conflicts,
)
from crosswire.text.sentences import Sentence
from crosswire.text.words import words


def sentence(text: str, article: int, source: str) -> Sentence:
    return Sentence(text, article, source, "en", 0, words(text))


def test_a_count_is_aligned_by_what_it_counts_and_exact_counts_differ_by_one():
    a = sentence("The charges are listed in the 48-page indictment unsealed on Monday.", 1, "a")
    b = sentence("Prosecutors say so in the 47-page indictment.", 2, "b")
    [found] = count_conflicts([a, b])
    assert (found["kind"], found["topic"]) == ("number", "page indictment")
    assert [s["claim"] for s in found["sides"]] == ["48-page", "47-page"]


def test_approximate_counts_time_and_one_outlet_are_no_discrepancy():
    about = sentence("Crews pumped about 480 tonnes water out of the tunnel.", 1, "a")
    exact = sentence("Crews pumped 470 tonnes water out of the tunnel.", 2, "b")
    assert count_conflicts([about, exact]) == []  # within the tolerance of an estimate
    ago = [sentence("It flooded 3 years ago.", 1, "a"), sentence("It flooded 2 years ago.", 2, "b")]
    assert count_conflicts(ago) == []
    same = [sentence("A 48-page indictment.", 1, "a"), sentence("A 47-page indictment.", 1, "a")]
    assert count_conflicts(same) == []
    assert counted_figures("He paid $60,000 earlier and $5,000 later.") == {}


def test_the_same_thing_on_two_different_days_is_a_discrepancy():
    friday = sentence("The mayor apologized Friday for a Facebook post about the flood.", 1, "a")
    saturday = sentence("The mayor had to apologize Saturday for a Facebook post.", 2, "b")
    published = {
        1: datetime(2026, 11, 28, 20, tzinfo=UTC),  # a Saturday: "Friday" is the 27th
        2: datetime(2026, 11, 29, 9, tzinfo=UTC),  # a Sunday: "Saturday" is the 28th
    }
    [found] = day_conflicts([friday, saturday], published)
    assert [s["claim"] for s in found["sides"]] == ["Friday", "Saturday"]


def test_the_same_date_named_from_two_days_or_other_events_are_no_discrepancy():
    friday = sentence("The mayor apologized Friday for a Facebook post about the flood.", 1, "a")
    yesterday = sentence("The mayor apologized Friday for the Facebook post.", 2, "b")
    today = {1: datetime(2026, 11, 27, 9, tzinfo=UTC), 2: datetime(2026, 11, 28, 9, tzinfo=UTC)}
    assert day_conflicts([friday, yesterday], today) == []  # both the 27th
    met = sentence("The two leaders met at the town hall on Thursday evening.", 1, "a")
    other = sentence("The two leaders met at the town hall on Sunday.", 2, "b")
    weeks = {1: datetime(2026, 12, 10, tzinfo=UTC), 2: datetime(2026, 12, 6, tzinfo=UTC)}
    assert day_conflicts([met, other], weeks) == []  # reports days apart: two meetings


def test_a_quotation_with_a_negation_in_one_version_only():
    one = sentence(
        '"To pass this bill in the next couple of weeks would raise the risk of a stall," he said.',
        1,
        "a",
    )
    other = sentence(
        "\"If they don't pass this bill in the next couple weeks it would raise the risk of a "
        'stall," he said.',
        2,
        "b",
    )
    quotes = [
        (
            "To pass this bill in the next couple of weeks would raise the risk of a stall,",
            None,
            one,
        ),
        (
            "If they don't pass this bill in the next couple weeks it would raise the risk of "
            "a stall,",
            None,
            other,
        ),
    ]
    [found] = quote_conflicts(quotes)
    assert found["kind"] == "quote"
    same = [quotes[0], (quotes[0][0], None, other)]
    assert quote_conflicts(same) == []


def test_a_year_the_same_two_words_introduce_about_the_same_thing():
    a = sentence("Her second and final term as mayor officially ends in 2031.", 1, "a")
    b = sentence("She hinted she may resign before her term ends in 2030.", 2, "b")
    [found] = context_conflicts([a, b])
    assert [s["claim"] for s in found["sides"]] == ["2031", "2030"]
    other = sentence("The bridge repairs end in 2030, the council said.", 2, "b")
    assert context_conflicts([a, other]) == []  # nothing else about them in common


def test_no_count_from_what_might_be_nor_a_figure_the_other_gives():
    a = sentence("She needs 279 electoral votes to win.", 1, "a")
    b = sentence("She has won 253 electoral votes.", 2, "b")
    assert count_conflicts([a, b]) == []
    c = sentence("Pupils may sit 3 feet apart, adults 6 feet apart.", 1, "a")
    d = sentence("Pupils must sit 6 feet apart.", 2, "b")
    assert count_conflicts([c, d]) == []
