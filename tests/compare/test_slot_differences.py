"""Differences in one slot of sentences that otherwise agree (``compare.slots``) and the day of
one event told as "earlier this week" (``compare.discrepancies.day_conflicts``). Own
sentences, invented for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

from crosswire.compare.discrepancies import day_conflicts
from crosswire.compare.slots import (
    full_names,
    money_conflicts,
    namesake_conflicts,
    slot_conflicts,
    slot_differences,
)
from crosswire.text.sentences import Sentence


def story(*texts: str) -> list[Sentence]:
    """One sentence per outlet, article ids 1, 2, …; a tuple (text, article) puts several
    sentences in one article."""
    out = []
    for n, text in enumerate(texts, start=1):
        body, article = text if isinstance(text, tuple) else (text, n)
        out.append(Sentence(body, article, f"outlet{article}.example", "en", 0))
    return out


VOTE_A = "Rep. Marisol Ortega won the vote for deputy harbour commissioner, defeating Tom Vance."
VOTE_B = (
    "In a close vote, Representative Elena P. Ortega of Eastmoor defeated Tom Vance to become "
    "deputy harbour commissioner."
)


def test_full_names_skip_titles_and_initials():
    assert full_names(VOTE_B) == [("Elena", "Ortega"), ("Tom", "Vance")]
    assert full_names("Mayor Ada Lind said so.") == [("Ada", "Lind")]


def test_one_surname_another_first_name_is_a_difference():
    [found] = namesake_conflicts(story(VOTE_A, VOTE_B))
    assert found["kind"] == "name"
    assert [s["claim"] for s in found["sides"]] == ["Marisol Ortega", "Elena Ortega"]


def test_namesakes_an_article_names_both_are_two_people():
    # the first outlet names Elena elsewhere: two Ortegas, not a disagreement
    texts = story(VOTE_A, VOTE_B, ("Her sister Elena stayed home.", 1))
    assert namesake_conflicts(texts) == []


def test_short_forms_nicknames_and_spellings_are_one_person():
    for first in ("Bob", "Rob", "Robertson"):
        a = f"{first} Kell won the vote for deputy harbour commissioner, defeating Tom Vance."
        b = "Robert Kell won the vote for deputy harbour commissioner, defeating Tom Vance."
        assert namesake_conflicts(story(a, b)) == []


def test_namesakes_in_sentences_that_say_other_things_are_not_compared():
    a = "Marisol Ortega opened the new library on the east side."
    b = "Elena Ortega criticised the budget of the fire brigade."
    assert namesake_conflicts(story(a, b)) == []


def test_a_common_word_is_no_first_name():
    a = "Border Patrol agents said the fence near the river was repaired in spring."
    b = "Harbour Patrol agents said the fence near the river was repaired in spring."
    assert namesake_conflicts(story(a + " The border is long.", b)) == []


STATION_A = "“We will not change course,” Mayor Lind told a Channel affiliate in Eastmoor."
STATION_B = "“We will not change course now,” Lind told Eastmoor Beacon affiliate WBXR."


def test_another_outlet_in_the_same_slot_is_a_difference():
    [found] = slot_conflicts(story(STATION_A, STATION_B))
    assert (found["topic"], [s["claim"] for s in found["sides"]]) == (
        "affiliate",
        ["Channel", "Beacon"],
    )


def test_the_same_word_after_names_without_the_same_deed_is_nothing():
    a = "The poll of likely Eastmoor voters found the mayor far behind in the harbour race."
    b = "Organisers worry about the mayor's support among Westbury voters in the harbour race."
    assert slot_conflicts(story(a, b)) == []


def test_a_name_after_of_belongs_to_the_name_before():
    a = "The mayor met the injured Academy of Eastmoor student at the harbour clinic."
    b = "The mayor met the injured Westbury student at the harbour clinic on Sunday."
    assert slot_conflicts(story(a, b)) == []
    assert len(slot_conflicts(story(a.replace("Academy of ", ""), b))) == 1


def test_an_article_naming_both_outlets_is_no_difference():
    texts = story(STATION_A, STATION_B, ("Beacon reporters asked him too.", 1))
    assert slot_conflicts(texts) == []


def test_a_place_spelled_alike_after_the_same_preposition():
    a = "Ms. Lind said in Harwick in May 2019 that she had served on the river patrol."
    b = (
        "The mayor admitted she misspoke at a 2019 event in Harfield where she said she had "
        "served on the river patrol."
    )
    [found] = slot_conflicts(story(a, b))
    assert [s["claim"] for s in found["sides"]] == ["Harwick", "Harfield"]
    # a name spelled two ways, one inflecting the other, or names not alike: nothing
    for other in ("Harwicke", "Harwickian", "Eastmoor"):
        assert slot_conflicts(story(a, b.replace("Harfield", other))) == []


AD_A = (
    "The advert, to run in Eastmoor, Westbury and Port Alder, is costing Civic Futures "
    "$2 million, the group said."
)
AD_B = "Civic Futures has reserved $800,000 of air time in Port Alder, Westbury and Eastmoor."


def test_sums_paid_for_the_same_air_time():
    [found] = money_conflicts(story(AD_A, AD_B))
    assert [s["claim"] for s in found["sides"]] == ["$2 million", "$800,000"]


def test_sums_without_paying_close_sums_or_one_article_giving_both_are_nothing():
    raised = AD_B.replace("has reserved", "raised")
    assert money_conflicts(story(AD_A, raised)) == []
    assert money_conflicts(story(AD_A, AD_B.replace("$800,000", "$1.9 million"))) == []
    assert money_conflicts(story(AD_A, AD_B, ("Earlier ads cost $800,000.", 1))) == []
    # names in common make the thing paid for one: two of them are too few
    fewer = AD_B.replace("Civic Futures has", "They have")
    assert len(money_conflicts(story(AD_A, fewer))) == 1
    assert money_conflicts(story(AD_A, fewer.replace("Port Alder, ", ""))) == []


def test_slot_differences_runs_every_rule():
    assert len(slot_differences(story(VOTE_A, VOTE_B, AD_A, AD_B))) == 2


def test_earlier_this_week_against_the_publication_day():
    a = "The weekly printed a story earlier this week claiming that the mayor had hidden debts."
    b = "She blamed her rival for the weekly's story printed Friday that claimed she had debts."
    friday = datetime(2031, 3, 14, 12, tzinfo=UTC)  # a Friday
    texts = story(a, b)
    [found] = day_conflicts(texts, {1: friday, 2: friday})
    assert [s["claim"] for s in found["sides"]] == ["earlier this week", "Friday"]
    # a Tuesday is earlier in that week: no difference
    assert day_conflicts(story(a, b.replace("Friday", "Tuesday")), {1: friday, 2: friday}) == []
    # a weekday in the same sentence is the day it names, not "earlier this week"
    named = a.replace("a story", "a story on Friday")
    assert day_conflicts(story(named, b), {1: friday, 2: friday}) == []


def test_titles_sentence_openers_and_common_words_are_no_first_names():
    assert full_names("Then-Mayor Ada Lind opened it.") == [("Ada", "Lind")]
    assert full_names("Still Ada Lind opened it.") == [("Ada", "Lind")]
    assert full_names("The Fifth Harbour Court ruled.") == []
    a = "The Northern Appeals Court ruled on the harbour fees on Monday, the clerk said."
    b = "The Coastal Appeals Court ruled on the harbour fees, ending a long court fight."
    assert namesake_conflicts(story(a, b)) == []  # "court" is a word of the story
