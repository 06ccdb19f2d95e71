"""Writing systems: which titles a reader can at least read the letters of.

Where a story has no article in the reader's language, a title in the reader's script
(French for an English reader, Ukrainian for a Russian one) still shows its names and
numbers legibly; one in another script shows nothing the reader can read.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

# ISO 639-1 codes of languages not written in Latin letters (the rest are Latin).
_LANGUAGE_SCRIPTS = {
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ug", "sd", "ku"), "ARABIC"),
    **dict.fromkeys(("he", "yi"), "HEBREW"),
    **dict.fromkeys(("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg"), "CYRILLIC"),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), "DEVANAGARI"),
    **dict.fromkeys(("zh", "ja"), "CJK"),
    "el": "GREEK",
    "ko": "HANGUL",
    "th": "THAI",
    "ka": "GEORGIAN",
    "hy": "ARMENIAN",
    "bn": "BENGALI",
    "ta": "TAMIL",
    "te": "TELUGU",
    "am": "ETHIOPIC",
}
# Unicode name prefixes that belong to one of the scripts above
_NAME_SCRIPTS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "ETHIOPIC": "ETHIOPIC"}


def language_script(language: str) -> str:
    """The script ``language`` (an ISO 639-1 code) is written in; Latin when not listed."""
    return _LANGUAGE_SCRIPTS.get((language or "").split("-")[0].lower(), "LATIN")


def text_script(text: str) -> str | None:
    """The script most of the letters of ``text`` are written in (None: no letters)."""
    counts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            first = unicodedata.name(char, "UNKNOWN").split()[0]
            counts[_NAME_SCRIPTS.get(first, first)] += 1
    return counts.most_common(1)[0][0] if counts else None


def reading_rank(reader_language: str, language: str | None, text: str) -> int:
    """0: in the reader's language; 1: in the reader's script; 2: neither."""
    if language == reader_language:
        return 0
    return 1 if text_script(text) == language_script(reader_language) else 2
