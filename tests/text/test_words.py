"""Sentence boundaries in several languages and scripts."""

from __future__ import annotations

from crosswire.text.words import split_sentences


def test_an_ordinal_date_does_not_end_a_sentence():
    assert split_sentences("Rada schválila dar 10. ledna. Pak odešla.") == [
        "Rada schválila dar 10. ledna.",
        "Pak odešla.",
    ]


def test_czech_abbreviations_do_not_end_a_sentence():
    assert split_sentences("Velká města, např. Praha a Brno, hlasovala pro. Pak odešla.") == [
        "Velká města, např. Praha a Brno, hlasovala pro.",
        "Pak odešla.",
    ]
    assert split_sentences("Šlo o tzv. Zelenou dohodu. Ta platí od ledna.") == [
        "Šlo o tzv. Zelenou dohodu.",
        "Ta platí od ledna.",
    ]


def test_ranks_before_a_name_do_not_end_a_sentence():
    text = "The court's officer, Maj. Tove Lind, spoke. Adm. Ruiz and Brig. Gen. Oka left."
    assert split_sentences(text) == [
        "The court's officer, Maj. Tove Lind, spoke.",
        "Adm. Ruiz and Brig. Gen. Oka left.",
    ]


def test_an_abbreviation_of_number_ends_a_sentence_unless_a_figure_follows():
    assert split_sentences("The court said no. It was final. Room No. 5 stays shut.") == [
        "The court said no.",
        "It was final.",
        "Room No. 5 stays shut.",
    ]


def test_cjk_sentences_end_without_a_space():
    assert split_sentences("他说好。她说「不」。为什么？") == [
        "他说好。",
        "她说「不」。",
        "为什么？",
    ]
