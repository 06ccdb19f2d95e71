"""Unicode-aware text primitives shared by the digest, the comparison and the evaluation.

Words are runs of letters, digits and combining marks (``\\p{L}\\p{N}\\p{M}``), so Arabic,
Hebrew, Greek, Czech and Devanagari words stay whole: Python's ``\\w`` splits Hindi words at
their vowel signs, and ``rouge-score``'s default tokenizer drops non-ASCII letters entirely.
"""

from __future__ import annotations

import regex

_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)?")
# A sentence ends at . ! ? … and their Arabic and Devanagari forms, followed by space, or at
# a CJK full stop, exclamation or question mark (CJK writes no space between sentences).
_END = regex.compile(r"(?<=[.!?…؟।][\"'”’»)\]]?)\s+|(?<=[。！？][」』”]?)\s*")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec mme mlle m dr hr bzw ca sr sra "
    # ranks and offices before a name: "Maj. Gen. Ana Ruiz", "Adm. Lee"
    "maj adm brig cpl pvt lieut cmdr cdr supt insp hon messrs gens sens reps dept approx "
    # Czech: "tzv." (so-called), "např." (for example), "tj." (that is) …
    "tzv např tj tzn resp mj popř cca sv ing mgr".split()
)
# Abbreviations of "number": one only before a figure ("No. 5"); "said no. It was" ends.
_NUMBER_ABBREVIATIONS = frozenset("no nr čís".split())


def words(text: str) -> list[str]:
    """Case-folded words of ``text``, in any script."""
    return [w.casefold() for w in _WORD.findall(text)]


def split_sentences(text: str) -> list[str]:
    """Paragraphs, then sentences; abbreviations and initials do not end a sentence."""
    out: list[str] = []
    for paragraph in regex.split(r"\n\s*", text or ""):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        pieces = [p for p in _END.split(paragraph) if p]
        current = ""
        for k, piece in enumerate(pieces):
            current = f"{current} {piece}".strip() if current else piece
            following = pieces[k + 1 : k + 2]
            if _ends_in_abbreviation(current, following) or _continues(following):
                continue
            out.append(current)
            current = ""
        if current:
            out.append(current)
    return out


def _continues(following: list[str]) -> bool:
    """A sentence does not begin in lower case: "4. února 2030" (Czech ordinal dates)."""
    return bool(following) and following[0][:1].islower()


def _ends_in_abbreviation(sentence: str, following: list[str]) -> bool:
    if not sentence.endswith("."):
        return False
    last = sentence[:-1].rsplit(" ", 1)[-1]
    bare = last.strip("(\"'“‘").casefold()
    if bare in _NUMBER_ABBREVIATIONS:
        return bool(following) and following[0][:1].isdigit()
    if len(bare) == 1 and bare.isalpha():
        return True  # an initial: "George W. Bush"
    if regex.fullmatch(r"(?:\p{L}\.)+\p{L}", bare):
        return True  # "U.S." , "e.g."
    return bare in _ABBREVIATIONS
