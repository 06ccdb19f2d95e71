"""``countries`` skips the words that start no name: no name the lookup knows starts there."""

from __future__ import annotations

import pytest

from crosswire.text.places import (
    _MAX_WORDS,
    _TOKEN,
    _lookup,
    _uncapitalised,
    countries,
    gazetteer,
)


def lookups_skipped(text: str, language: str | None) -> list[str]:
    """What ``_lookup`` finds for the names that start at a word ``countries`` skips, in
    every table and at every length ``countries`` tries (the shortcut is sound when none)."""
    tables = gazetteer()
    own = tables.get(language or "", tables["*"])
    tokens = _TOKEN.findall(text.replace("-", " "))
    found = []
    for i, token in enumerate(tokens):
        if not _uncapitalised(token):
            continue
        for n in range(1, min(_MAX_WORDS, len(tokens) - i) + 1):
            for names, lang in ((own, language), (tables["en"], "en")):
                code = _lookup(tokens[i : i + n], names, lang)
                if code is not None:
                    found.append(f"{' '.join(tokens[i : i + n])} -> {code}")
    return found


TEXTS = [
    ("Floods in new areas of Pakistan and India as the monsoon returns", "en"),
    ("Talks between the United States and North Korea resume in Singapore", "en"),
    ("The governor of New Mexico met officials from New Zealand", "en"),
    ("papua new guinea quake: aid reaches Papua New Guinea villages", "en"),
    ("Le président s'est rendu en Italie puis à l'Italie du Nord et d'Haïti", "fr"),
    ("la visite d'Allemagne et l'Espagne, dit le ministre", "fr"),
    ("Die Regierung in Berlin und Frankreichs Präsident", "de"),
    ("El presidente de México viajó a Estados Unidos", "es"),
    ("بالعراق وسوريا", "ar"),
    ("Flüchtlinge aus der Türkei erreichen Griechenland", None),
    ("", "en"),
    ("no capital letters here at all, not even chile or peru", "en"),
]


@pytest.mark.parametrize(("text", "language"), TEXTS)
def test_no_name_starts_at_a_skipped_word(text: str, language: str | None) -> None:
    assert lookups_skipped(text, language) == []


def test_countries_still_reads_names() -> None:
    assert {"PK", "IN"} <= countries(TEXTS[0][0], "en")
    assert "IT" in countries(TEXTS[4][0], "fr")
