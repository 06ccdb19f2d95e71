"""One name per speaker within a story, never a guess between two people of one surname."""

from __future__ import annotations

from crosswire.compare.people import speaker_names


def test_short_forms_take_the_one_full_name_of_their_surname():
    names = speaker_names(
        ["Mr. Varga", "Varga", "Senator Tomas J. Varga", "Lena Koss"],
        ["Senator Tomas J. Varga said the port would reopen."],
    )
    assert names == {"Mr. Varga": "Senator Tomas J. Varga", "Varga": "Senator Tomas J. Varga"}


def test_a_surname_two_people_share_is_left_alone():
    # the story names two Vargas: "Varga" could be either
    texts = ["Tomas Varga and Ilona Varga spoke at the rally."]
    names = speaker_names(["Varga", "Tomas Varga", "Sen. Tomas Varga"], texts)
    assert names == {"Tomas Varga": "Sen. Tomas Varga"}  # the full forms of one first name


def test_titles_of_address_keep_two_people_apart():
    names = speaker_names(["Mr. Varga", "Mrs. Varga", "Varga"], [])
    assert names == {}


def test_short_forms_without_a_full_name_share_the_longest():
    assert speaker_names(["Mattis", "Mr. Mattis", None], []) == {"Mattis": "Mr. Mattis"}


def test_a_place_after_the_name_is_not_the_surname():
    names = speaker_names(["Rep. Ana Ruiz of Texas", "Ms. Ruiz", "Texas"], [])
    assert names == {"Ms. Ruiz": "Rep. Ana Ruiz of Texas"}


def test_a_word_that_opens_a_sentence_is_no_first_name():
    texts = ["But Varga said no.", "Senator Tomas Varga spoke, but nobody listened."]
    names = speaker_names(["Varga", "Senator Tomas Varga"], texts)
    assert names == {"Varga": "Senator Tomas Varga"}
