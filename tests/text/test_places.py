"""Countries named in a text, in several languages and scripts."""

from __future__ import annotations

import pytest

from crosswire.text.places import countries


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Floods hit Peru and Ecuador", "en", {"PE", "EC"}),
        ("Chilean and Ecuadorian rescuers", "en", {"CL", "EC"}),  # demonyms
        ("Talks between the U.S. and the UK", "en", {"US", "GB"}),
        ("New Zealand and Papua New Guinea", "en", {"NZ", "PG"}),  # "New" not always a state
        ("A minister from the Democratic Republic of the Congo", "en", {"CD"}),  # not "Congo"
        ("Des inondations au Pérou et en Équateur", "fr", {"PE", "EC"}),
        ("Le retour d'Haïti et l'arrivée en Italie", "fr", {"HT", "IT"}),  # elided articles
        ("Überschwemmungen in Peru", "de", {"PE"}),
        ("فيضانات في بيرو والإكوادور", "ar", {"PE", "EC"}),  # "and" glued to the name
        ("שיטפונות בפרו", "he", {"PE"}),  # "in" glued to the name
        ("بالعراق وللعراق", "ar", {"IQ"}),  # "in", "to the" (ل + ال written لل)
        ("Πλημμύρες στο Περού", "el", {"PE"}),
        ("Záplavy v Peru", "cs", {"PE"}),
        ("Σεισμός της Χιλής", "el", {"CL"}),  # genitive ending
        ("Island und Norwegen", "de", {"IS", "NO"}),  # German for Iceland
        ("la Corée et la Bolivie", "fr", {"KR", "BO"}),  # short forms of the ISO names
    ],
)
def test_countries_in_many_languages(text: str, language: str, expected: set[str]) -> None:
    assert countries(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a roast turkey with chili sauce",  # lower case: food, not countries
        "The senator from Indiana",  # a state that starts like a country
        "Voters in Georgia and New Mexico",  # US states
        "The Island ferry and the Christmas market",  # other languages' names, or parts
        "Nothing here names a place",
        "",
    ],
)
def test_words_that_are_no_country(text: str) -> None:
    assert countries(text, "en") == frozenset()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("نمو مالي قوي", "ar"),  # "financial", written as Mali is
        ("אלי כתב", "he"),  # a name, and what "מאלי" (Mali) would be without its first letter
        ("पीली जर्सी", "hi"),  # the leader's jersey
    ],
)
def test_common_words_of_other_scripts_are_no_country(text: str, language: str) -> None:
    assert countries(text, language) == frozenset()


def test_the_opening_is_the_headline_or_the_first_sentence():
    from crosswire.cluster.text import opening
    from crosswire.models import Article

    report = Article(title="Floods in Peru", text="Rain fell in Ecuador. Then in Chile.")
    assert opening(report) == "Floods in Peru"
    assert opening(report, 1) == "Floods in Peru. Rain fell in Ecuador."
    assert opening(Article(title="", text="Rain fell in Ecuador. Then in Chile.")) == (
        "Rain fell in Ecuador."
    )
    assert opening(Article(title="", text="")) == ""
