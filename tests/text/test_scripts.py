"""Writing systems of titles and languages: which titles a reader can read the letters of."""

from __future__ import annotations

import pytest

from crosswire.digest.headline import choose_headline
from crosswire.embed import load_embedder
from crosswire.models import Article
from crosswire.text.scripts import language_script, reading_rank, text_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Brand im Hafen von Varn: 12 Verletzte", "LATIN"),
        ("حريق في ميناء فارن", "ARABIC"),
        ("שריפה בנמל וארן", "HEBREW"),
        ("Пожар в порту Варн", "CYRILLIC"),
        ("Φωτιά στο λιμάνι", "GREEK"),
        ("港でフェリー火災", "CJK"),  # kanji and kana: one script for the reader
        ("BBC: حريق في ميناء فارن", "ARABIC"),  # most of its letters
        ("2026 — 12:30", None),
    ],
)
def test_a_text_is_in_the_script_most_of_its_letters_are_in(text, script):
    assert text_script(text) == script


def test_languages_map_to_their_scripts():
    assert [language_script(x) for x in ("en", "fr", "pt-BR", "ar", "uk", "ja", "")] == [
        "LATIN",
        "LATIN",
        "LATIN",
        "ARABIC",
        "CYRILLIC",
        "CJK",
        "LATIN",
    ]


def test_reading_rank_prefers_the_language_then_the_script():
    assert reading_rank("en", "en", "Ferry fire") == 0
    assert reading_rank("en", "fr", "Incendie à bord d'un ferry") == 1
    assert reading_rank("en", "ar", "حريق على متن عبارة") == 2
    assert reading_rank("ru", "uk", "Пожежа на поромі") == 1


def article(i: int, language: str, title: str) -> Article:
    return Article(id=i, language=language, title=title, text=title)


def test_without_a_title_in_the_readers_language_the_headline_is_one_in_their_script():
    arabic = article(1, "ar", "حريق على متن عبارة في بحيرة فارن وإجلاء الركاب")
    french = article(2, "fr", "Incendie à bord d'un ferry sur le lac Varn")
    embed = load_embedder("hashing")
    assert choose_headline([arabic, arabic, french], embed, "en") == (french.title, "fr")
    assert choose_headline([arabic, french], embed, "ar") == (arabic.title, "ar")
