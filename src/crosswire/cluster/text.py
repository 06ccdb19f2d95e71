"""What the story engine reads from an article: a short lead, word terms and anchors.

Anchors are language-independent evidence that survives translation: numbers (with their
digits normalised, so ``120.000``, ``120,000`` and ``१२०००0`` agree) and words written in
Latin script with a capital letter (names, acronyms) in any language's text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from crosswire.models import Article

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|\d+")
_SENTENCE_END = re.compile(r"(?<=[.!?。؟।])\s+")
_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z\u00c0-\u024f'’-]{2,}\b")
_DIGITS = {ord(c): str(unicodedata.digit(c)) for c in map(chr, range(0x10000)) if c.isdigit()}
_SEPARATORS = re.compile(r"[.,\u00a0\u202f ]")

# Terms too frequent to tell events apart, in the languages the datasets cover. IDF does the
# rest; this list only keeps the vectors short.
_STOP = frozenset(
    """a an the of to in on for and or but is are was were be been by with at from as that this
    it its he she they we you i his her their our not no has have had will would said says
    le la les de des du un une et en au aux pour par sur dans est qui que ne pas il elle
    der die das den dem des ein eine und ist im zu mit von auf für nicht sich es
    el los las del y por con para una es se al lo como más""".split()
)


# Weekday names (en, fr, de, es, it, pt, nl) -> 0 (Monday) .. 6. Reports of one event name
# the same day ("on Tuesday"); a follow-up days later names another.
_WEEKDAYS = {
    word: day
    for day, names in enumerate(
        [
            "monday lundi montag lunes lunedì segunda maandag",
            "tuesday mardi dienstag martes martedì terça dinsdag",
            "wednesday mercredi mittwoch miércoles mercoledì quarta woensdag",
            "thursday jeudi donnerstag jueves giovedì quinta donderdag",
            "friday vendredi freitag viernes venerdì sexta vrijdag",
            "saturday samedi samstag sábado sabato zaterdag",
            "sunday dimanche sonntag domingo domenica zondag",
        ]
    )
    for word in names.split()
}


# A year on its own: not part of a longer number or of a Latin-script name ("A2004"), though a
# Hebrew or Arabic prefix may be glued to it ("ב2004").
_YEAR_ALONE = re.compile(r"(?<![0-9A-Za-z.,])(?:19|20)\d\d(?![0-9A-Za-z]|[.,]\d)")


def extract_years(text: str) -> frozenset[int]:
    """The years 1900-2099 that ``text`` names, in digits of any script."""
    return years_in(normalise_digits(text))


def years_in(text: str) -> frozenset[int]:
    """``extract_years`` of a text whose digits are ASCII already (``normalise_digits``)."""
    return frozenset(int(y) for y in _YEAR_ALONE.findall(text))


def extract_weekdays(text: str) -> frozenset[int]:
    """The days of the week that ``text`` names (0 = Monday)."""
    return weekdays_in(casefolded_words(text))


def weekdays_in(words: Iterable[str]) -> frozenset[int]:
    """``extract_weekdays`` of a text's ``casefolded_words``."""
    return frozenset(_WEEKDAYS[w] for w in words if w in _WEEKDAYS)


def casefolded_words(text: str) -> list[str]:
    """The words of ``text``, each case-folded (what the term and weekday readers read)."""
    return [w.casefold() for w in _WORD.findall(text)]


def normalise_digits(text: str) -> str:
    """Every Unicode decimal digit as its ASCII digit."""
    return text.translate(_DIGITS)


def numbers(text: str) -> list[str]:
    """The numbers in ``text``, digits of any script as ASCII, without thousands separators
    or leading zeros: ``120.000``, ``120,000`` and ``१२०,०००`` are all ``120000``."""
    return numbers_in(normalise_digits(text))


def numbers_in(text: str) -> list[str]:
    """``numbers`` of a text whose digits are ASCII already (``normalise_digits``)."""
    return [_SEPARATORS.sub("", match).lstrip("0") or "0" for match in _NUMBER.findall(text)]


def lead_text(article: Article, max_chars: int) -> str:
    """Title plus the opening sentences of the body, up to about ``max_chars`` characters."""
    title = (article.title or "").strip()
    body = " ".join((article.text or "").split())
    lead = ""
    for sentence in _SENTENCE_END.split(body):
        if len(lead) >= max_chars:
            break
        lead = f"{lead} {sentence}".strip()
    lead = lead[: max_chars * 2]
    return f"{title}. {lead}".strip(". ") if title else lead


def opening(article: Article, sentences: int = 0) -> str:
    """The headline and the body's first ``sentences`` whole sentences (0: the headline
    alone, or the first sentence when there is no headline)."""
    title = (article.title or "").strip()
    body = _SENTENCE_END.split(" ".join((article.text or "").split()), maxsplit=max(sentences, 1))
    if not title:
        return body[0][:MAX_SENTENCE]
    head = " ".join(s[:MAX_SENTENCE] for s in body[:sentences])
    return f"{title}. {head}" if head else title


MAX_SENTENCE = 400  # characters of one sentence read (a body without full stops)


def extract_terms(text: str, bigrams: bool = False, stem: int = 0) -> Counter[str]:
    """Lower-cased word counts without stop words, one-letter words and bare numbers; with
    ``bigrams``, also the pairs of adjacent kept words; with ``stem``, each word cut to its
    first ``stem`` letters (a language-independent stemmer: inflections then agree)."""
    return terms_in(casefolded_words(text), bigrams, stem)


def terms_in(words: Iterable[str], bigrams: bool = False, stem: int = 0) -> Counter[str]:
    """``extract_terms`` of a text's ``casefolded_words``."""
    kept = [w for w in words if len(w) > 1 and w not in _STOP and not w.isdigit()]
    if stem:
        kept = [w[:stem] for w in kept]
    terms = Counter(kept)
    if bigrams:
        terms.update(f"{a}_{b}" for a, b in zip(kept, kept[1:], strict=False))
    return terms


def extract_anchors(text: str, ascii_digits: str | None = None) -> Counter[str]:
    """Numbers (``#120000``) and capitalised Latin-script words (``@bush``) in ``text``
    (``ascii_digits``: its ``normalise_digits``, when the caller has it)."""
    if ascii_digits is None:
        ascii_digits = normalise_digits(text)
    anchors: Counter[str] = Counter(f"#{number}" for number in numbers_in(ascii_digits))
    for name in _LATIN_NAME.findall(text):
        word = name.casefold().strip("'’-")
        if word not in _STOP:
            anchors[f"@{word}"] += 1
    return anchors
