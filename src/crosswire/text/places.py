"""The countries a text names, in any of the languages the datasets and feeds use.

Where an event happened survives translation even when its words do not: the Arabic "تشيلي",
the French "Chili" and the English "Chile" (or "Chilean") all name ``CL``. Two quakes, two
elections, two strikes of one kind look alike to every other feature; the country tells
them apart.

Names come from ``pycountry``'s ISO 3166 list and its translations (short, common and
official names), plus a few short forms the list lacks ("UK", "Britain", "أمريكا"). Matching
is blind to grammar beyond three light rules: a Latin-script word must start with a capital
(so "turkey" and "chili" are food), the proclitics of Arabic and Hebrew are stripped ("وتشيلي",
"בצ'ילה"), and a few demonym and case endings are allowed after a name of four letters or
more ("Chilean", "Chiliens", "Χιλής").
"""

from __future__ import annotations

import gettext
from functools import lru_cache

import regex

from crosswire.text.clitics import PREFIXES

LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ru", "tr", "ar", "el", "he", "hi")

# Short forms the ISO list does not give, by country code.
ALIASES = {
    "US": "US|U.S.|USA|U.S.A.|America|EE.UU.|أمريكا|امريكا|أميركا",
    "GB": "UK|U.K.|Britain|Great Britain|Grande-Bretagne|Großbritannien|Gran Bretaña|بريطانيا"
    "|Βρετανία|Británie|בריטניה|ब्रिटेन",
    "RU": "Russia|Russie|Russland",
    "KR": "South Korea|Corée du Sud|Südkorea",
    "KP": "North Korea|Corée du Nord|Nordkorea",
    "SY": "Syria|Syrie|Syrien",
    "TW": "Taiwan|Taïwan",
    "CD": "Democratic Republic of the Congo|DR Congo|DRC|RDC|République démocratique du Congo",
    "TR": "Turkey|Turquie|Türkei|Turquía|Turchia|Turcja|Turecko|Τουρκία|تركيا|טורקיה|तुर्की",
}

# Endings allowed after a name of ``MIN_STEM`` letters or more: demonyms (en, fr, es, de)
# and case endings (cs, el, pl, ru).
_ENDINGS = tuple(
    sorted(
        """an ans ian ians ese i is ien ienne iens iennes ais aise aises ois oise ano ana anos
        anas eno ena enos enas ische ischen ischer isches er ern u e y ie ii ou em ą ę ς
        ας ης ου ии и у е ой""".casefold().split(),
        key=len,
        reverse=True,
    )
)
MIN_STEM = 4
_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:['’.][\p{L}\p{M}]+)*\.?")
_MAX_WORDS = 6
_ELIDED = regex.compile(r"[ldLD]['’]\p{Lu}")  # "l'Italie", "d'Haïti"
_ISLAND = regex.compile(
    r"(?i)\b(?:îles?|islas?|ilhas?|inseln?|islands?|isole|isola|eilanden|eiland)\b"
)


def _words(name: str) -> tuple[str, ...]:
    return tuple(t.casefold().rstrip(".") for t in _TOKEN.findall(name.replace("-", " ")))


Names = dict[tuple[str, ...], str]

# Words that name something else far more often in the news than a country: the US state
# ("Georgia" in most English reports), "financial" (Arabic "مالي", Mali), Amman as well as
# Oman ("عمان"), a sports jersey (Hindi "जर्सी").
NOT_COUNTRIES = {"en": ("Georgia",), "ar": ("مالي", "عمان"), "hi": ("जर्सी",)}

# The proclitics written as part of a word (conjunction, preposition, article): Arabic
# "والإكوادور" is "and Ecuador".
_PROCLITICS = {language: regex.compile(prefixes) for language, prefixes in PREFIXES.items()}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Names]:
    """Per language: country names (case-folded word tuples) -> ISO 3166 alpha-2 code.
    ``"*"`` holds every language's names, for texts of other languages."""
    import pycountry

    tables: dict[str, Names] = {}
    for language in ("en", *LANGUAGES):
        translation = _translations(language)
        names: Names = tables.setdefault(language, {})
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                english = getattr(country, attr, None)
                if english:
                    _add(names, translation.gettext(english), country.alpha_2)
    for code, aliases in ALIASES.items():
        for alias in aliases.split("|"):
            for names in tables.values():
                names.setdefault(_words(alias), code)
    for language, words in NOT_COUNTRIES.items():
        for word in words:
            tables[language].pop(_words(word), None)
    every: Names = {}
    for names in tables.values():
        for key, code in names.items():
            every.setdefault(key, code)
    tables["*"] = every
    return tables


def _add(names: Names, name: str, code: str) -> None:
    """``name`` and its short forms: before a bracket, and before a comma."""
    for variant in (name, name.split("(")[0], _before_comma(name)):
        words = _words(variant)
        if not words:
            continue
        names.setdefault(words, code)


def countries(text: str, language: str | None = None) -> frozenset[str]:
    """ISO 3166 alpha-2 codes of the countries ``text`` names, read with the names of
    ``language`` and English (every language's names when it is unknown)."""
    tables = gazetteer()
    own = tables.get(language or "", tables["*"])
    english = tables["en"]
    tokens = _TOKEN.findall(text.replace("-", " "))
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        if _uncapitalised(tokens[i]):  # starts no name (see ``_lookup``)
            i += 1
            continue
        # New Mexico, New Jersey: US states, so no single word after "New" (New Zealand and
        # Papua New Guinea are matched whole)
        shortest = 2 if i and tokens[i - 1] == "New" else 1
        size = 1  # words read at ``i``: the name found, or one word
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


def _uncapitalised(token: str) -> bool:
    """A Latin-script word without a capital (nor an elided one before it: "l'Italie"):
    ``_lookup`` finds no name that starts with it."""
    first = token[:1]
    return first.isascii() and first.isalpha() and not first.isupper() and not _ELIDED.match(token)


def _lookup(tokens: list[str], names: Names, language: str | None) -> str | None:
    if len(tokens) == 1 and _ELIDED.match(tokens[0]):
        tokens = [tokens[0][2:]]
    first = tokens[0]
    if first[:1].isascii() and first[:1].isalpha() and not first[:1].isupper():
        return None  # Latin script: a name starts with a capital
    words = tuple(t.casefold().rstrip(".") for t in tokens)
    code = names.get(words)
    if code is not None or len(words) > 1:
        return code
    word = words[0]
    proclitics = _PROCLITICS.get(language or "")
    if proclitics is not None:
        return _without_proclitics(word, names, proclitics)
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_STEM and (stem,) in names:
            return names[(stem,)]
    return None


def _without_proclitics(word: str, names: Names, proclitics: regex.Pattern) -> str | None:
    """The country ``word`` names after a prefix of proclitics ("بالعراق": in Iraq; Arabic
    "لل" stands for "ل" + "ال": "للعراق", to Iraq), with or without the article."""
    for cut in range(min(4, len(word) - 2)):  # from none: "بيرو" is Peru, written "البيرو"
        if not proclitics.fullmatch(word[:cut]):
            continue
        stem = word[cut:]
        code = names.get((stem,)) or names.get(("ال" + stem,))
        if code is not None:
            return code
    return None


def country_name(code: str, language: str = "en") -> str:
    """The country's short name in ``language`` ("Chili" for ``CL`` in French); the code
    itself for a code that names no country."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _before_comma(_translations(language).gettext(name))


def _before_comma(name: str) -> str:
    """The short form of an ISO name: "Korea, Republic of" is "Korea", unless what follows
    the comma says island ("Christmas, Île" is not "Christmas")."""
    head, _, rest = name.partition(",")
    return name if _ISLAND.search(rest) else head.strip()


@lru_cache(maxsize=32)
def _translations(language: str) -> gettext.NullTranslations:
    import pycountry

    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
