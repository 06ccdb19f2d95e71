"""``countries`` skips the words that start no name; it finds what reading every word finds."""

from __future__ import annotations

import pytest

from crosswire.text.places import _MAX_WORDS, _lookup, countries, gazetteer


def every_word(text: str, language: str | None) -> frozenset[str]:
    """``countries`` without the shortcut: every name length tried at every word."""
    from crosswire.text.places import _TOKEN

    tables = gazetteer()
    own = tables.get(language or "", tables["*"])
    english = tables["en"]
    tokens = _TOKEN.findall(text.replace("-", " "))
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        shortest = 2 if i and tokens[i - 1] == "New" else 1
        size = 1
        for n in range(min(_MAX_WORDS, len(tokens) - i), shortest - 1, -1):
            code = _lookup(tokens[i : i + n], own, language)
            if code is None and own is not english:
                code = _lookup(tokens[i : i + n], english, "en")
            if code is not None:
                found.add(code)
                size = n
                break
        i += size
    return frozenset(found)


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
def test_countries_finds_what_reading_every_word_finds(text: str, language: str | None) -> None:
    assert countries(text, language) == every_word(text, language)


def test_countries_still_reads_names() -> None:
    assert {"PK", "IN"} <= countries(TEXTS[0][0], "en")
    assert "IT" in countries(TEXTS[4][0], "fr")
