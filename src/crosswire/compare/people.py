"""One person, one name among a story's quotes: "Mr. Trump", "Trump" and "President Donald J.
Trump" are shown as one speaker.

A speaker named by a surname alone or a title and a surname ("Mattis", "Mr. Mattis", "Sen.
Cornyn") is the person the story names in full with that surname, when it names one: its
full names (first name and surname, ``slots.full_names``) are read from the speakers and from
every sentence of the story. Where the story names two people of one surname ("Bill
Clinton", "Hillary Clinton"), the short forms stay as they are: nothing in "Clinton" says
which, and a title of address is not read for a gender. Titles of address do keep two short
forms apart: "Mr. Clinton" and "Mrs. Clinton" are two people, and neither is joined to
anyone. Full names with one first name (or its short form) and one surname are one person
("Sen. John Cornyn", "John Cornyn").

The name shown for a person is the longest of its forms the quotes give ("Senator Byron L.
Dorgan" for "Mr. Dorgan"), so no speaker is named in words its own article did not use.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from crosswire.compare.slots import _is_title, _same_first, fold, full_names

ADDRESS = {"mr": "mr", "mrs": "mrs", "ms": "mrs", "miss": "mrs", "mme": "mrs", "m": "mr"}
_LOWER = regex.compile(r"(?<![\p{L}'’])\p{Ll}+(?![\p{L}'’])")
_PLAIN_NAME = regex.compile(r"[\p{Lu}][\p{L}'’.\-]*")


def _parts(speaker: str) -> tuple[str, str | None, str | None] | None:
    """(surname, first name or None, title of address or None) of a speaker in Latin script
    ("Mr. Trump" → ("trump", None, "mr")); None for what is not a person's name as such."""
    head = regex.split(r",|\s+(?:of|from|de|du|del)\s+", speaker)[0].split()
    if not head or not all(_PLAIN_NAME.fullmatch(t) for t in head):
        return None
    address = next((ADDRESS[f] for t in head if (f := fold(t.rstrip("."))) in ADDRESS), None)
    names = [t.rstrip(".") for t in head if not _is_title(t.rstrip(".")) and len(t.rstrip(".")) > 1]
    names = [n for n in names if fold(n) not in ADDRESS]
    if not names or not regex.search(r"[A-Za-z]", names[-1]):
        return None
    surname = fold(regex.sub(r"['’]s?$", "", names[-1]))
    return surname, (names[-2] if len(names) > 1 else None), address


def speaker_names(speakers: Iterable[str | None], texts: Iterable[str]) -> dict[str, str]:
    """Each speaker's name as the story page shows it (only those that change)."""
    named = sorted({s for s in speakers if s}, key=lambda s: (-len(s), s))
    parsed = {s: p for s in named if (p := _parts(s)) is not None}
    texts = list(texts)
    # a word the story writes in lower case opens a sentence, it is no first name ("But
    # Cornyn said", "If Ryan wins")
    plain = {fold(w) for text in texts for w in _LOWER.findall(text)}
    firsts: dict[str, list[str]] = {}  # surname → the first names the story gives it
    for text in [*texts, *named]:
        for given, last in full_names(text):
            if fold(given) in plain:
                continue
            known = firsts.setdefault(fold(regex.sub(r"['’]s?$", "", last)), [])
            if not any(_same_first(given, k) for k in known):
                known.append(given)
    out: dict[str, str] = {}
    for speaker, (surname, first, _address) in parsed.items():
        forms = [s for s, p in parsed.items() if p[0] == surname]
        people = firsts.get(surname, [])
        addresses = {parsed[s][2] for s in forms} - {None}
        if first is None and (len(people) > 1 or len(addresses) > 1):
            continue  # "Clinton" of two Clintons; "Mr." and "Mrs." Clinton
        if first is not None and any(not _same_first(first, p) for p in people):
            # the full forms of this first name only
            forms = [s for s in forms if _same_first(parsed[s][1] or "", first)]
        full = [s for s in forms if parsed[s][1] is not None] or forms
        shown = full[0]  # the longest (``named`` is sorted so)
        if shown != speaker:
            out[speaker] = shown
    return out
