"""Fuzz the country reader with any text in any language: it never raises, answers only
ISO 3166 codes, and reads a long hostile text fast."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.text.places import countries, country_name
from tests.fuzz.profile import fuzz

pytestmark = pytest.mark.timeout(600)

names = st.sampled_from(
    [
        "Peru", "Pérou", "بيرو", "والإكوادور", "בצ'ילה", "Χιλής", "d'Haïti", "l'", "New", "New ",
        "U.S.", "Congo", "Republic of the", "ال", "و", "ב", "'", "’", ".", "-", "Chilean",
        "\u202e", "\u200b", "İstanbul", "ǅ", "ß", "Ⅻ",
    ]
)  # fmt: skip
texts = st.lists(st.one_of(names, st.text(max_size=30)), max_size=40).map(" ".join)


@fuzz()
@given(text=texts, language=st.sampled_from([None, "en", "fr", "ar", "he", "hi", "xx", ""]))
def test_countries_never_raise_and_answer_codes(text: str, language: str | None) -> None:
    codes = countries(text, language)
    assert all(len(code) == 2 and code.isupper() for code in codes)
    for code in codes:
        assert country_name(code, language or "en")


def test_a_long_hostile_text_is_read_fast() -> None:
    import time

    text = ("New " * 5_000) + ("Republic of the " * 5_000) + ("والال " * 5_000) + "Peru"
    started = time.monotonic()
    assert countries(text, "ar") == {"PE"}
    assert time.monotonic() - started < 5
