"""What stands before a sentence's first word on a news page and is no part of the sentence:
a dateline in capitals ("WASHINGTON —", "LOS ANGELES, Calif. (AP) --"), a wire credit
("(Reuters) -"), a byline ("By Ana Ruiz and Tom Lee, Reuters"), a page label ("Updated:"),
or a bare dash left where a page dropped one of those. ``strip_debris`` takes it off and keeps
it, so that a summary reads from the sentence's first word and the dateline stays data.

And the words a sentence cannot open with when it stands alone: a personal pronoun or a
connective ("He said …", "But the court …", "However, …") needs the sentence before it
(``dangling_opening``).
"""

from __future__ import annotations

import regex

from crosswire.text.words import words

_DASH = r"[-–—―‒−]"
_DASHES = regex.compile(rf"^(?:{_DASH}|[•*|>])+\s*")
# one word in capitals (two letters or more), then place words ("D.C.", "Calif.", "Lebanon"),
# an optional credit in brackets, then a dash: "WASHINGTON —", "BEIRUT, Lebanon (AP) --"
_DATELINE = regex.compile(
    r"^\p{Lu}[\p{Lu}.'’\-]*\p{Lu}(?:[ ,]+\p{Lu}[\p{Lu}.'’\-]*)*"
    r"(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*)?)?"
    rf"\s*(?:\([^()]{{1,40}}\))?\s*{_DASH}+\s*"
)
_WIRES = "AP|AFP|Reuters|CNN|UPI|dpa|EFE|ANSA|Bloomberg|Associated Press|Agence France-Presse"
_CREDIT = regex.compile(rf"^\(?(?:{_WIRES})\)?\s*(?:{_DASH}+|:)\s*")
# "By Ana Ruiz, Reuters" / "By Ana Ruiz and Tom Lee" before a dateline or a credit
_NAME = r"\p{Lu}[\p{L}.'’\-]+"
_BYLINE = regex.compile(
    rf"^By\s+{_NAME}(?:\s+{_NAME}){{1,3}}(?:\s+and\s+{_NAME}(?:\s+{_NAME}){{1,3}})?"
    rf"(?:,\s*(?:{_WIRES}|{_NAME}(?:\s+{_NAME}){{0,3}}))?\s*(?=\p{{Lu}}{{2}}|\(|$)"
)
_LABEL = regex.compile(
    r"^(?:(?:Updated|Published|Posted|Last updated|UPDATE|Breaking|BREAKING|Exclusive|EXCLUSIVE)"
    r"\s*(?::|" + _DASH + r")"
    # a media label only before a colon or a dash set off ("Video-game makers" is a sentence)
    r"|(?:VIDEO|Video|PHOTOS?|Photos?|WATCH|Watch)(?:\s*[:–—―]|\s+" + _DASH + r"))\s*"
)
_PATTERNS = (_DASHES, _BYLINE, _CREDIT, _DATELINE, _LABEL)

# Words that refer back or link to what came before, in the feed languages; a sentence that
# opens with one reads as a fragment on its own.
DANGLING = frozenset(
    # en
    "he she they him her them his their it its this these those that such but however also "
    "and meanwhile still yet instead so then moreover furthermore additionally nonetheless "
    "nevertheless thus therefore besides likewise similarly otherwise or nor plus "
    # es, fr, it, de, pt
    "él ella ellos ellas pero además también il elle ils elles mais cependant "
    "toutefois aussi lui egli essi però tuttavia inoltre anche er sie aber jedoch außerdem "
    "auch ele ela eles elas mas porém".split()
)


def strip_debris(text: str) -> tuple[str, str]:
    """(what stood before the sentence, the sentence). Nothing is taken when what would
    remain does not start a sentence (a letter, digit or quotation mark)."""
    rest, taken = text, ""
    while True:
        for pattern in _PATTERNS:
            found = pattern.match(rest)
            if found and found.end() > 0:
                after = rest[found.end() :]
                if not after or not regex.match(r"[\p{L}\p{N}\"“‘'«„(]", after):
                    continue
                taken, rest = f"{taken} {found.group().strip()}".strip(), after
                break
        else:
            return taken, rest


# "This week", "So far", "Sin embargo": openings that stand alone, or that the list splits
_STANDING = frozenset(
    "week weekend year month morning afternoon evening summer spring fall autumn winter "
    "far semana año mes semaine année mois settimana anno woche jahr".split()
)
_DEMONSTRATIVES = frozenset("this these that those so".split())


def dangling_opening(text: str) -> bool:
    """Whether ``text`` opens with a word that needs the sentence before it."""
    tokens = words(text[:60])
    if len(tokens) > 1 and tokens[0] in _DEMONSTRATIVES and tokens[1] in _STANDING:
        return False
    if tokens[:2] == ["sin", "embargo"]:
        return True
    return bool(tokens) and tokens[0] in DANGLING


# a page's own words, not the story's: calls to act, notices about the article itself
_FURNITURE = regex.compile(
    r"^(?:Watch|Click|Read more|Sign up|Subscribe|Follow us|Download|Listen)\b"
    r"|^(?:CORRECTION|Correction|UPDATE|Editor['’]s [Nn]ote)\b\s*[:—–-]"
    # a fact check's headings: the claim it examines is not the story's fact
    r"|^(?:CLAIM|THE FACTS|FACT CHECK|AP'S ASSESSMENT)\s*:"
)


# a picture's caption that ends in its credit, glued or not: "… at the Capitol.CreditAna
# Ruiz/Reuters", "… on Monday. Credit: Ana Ruiz/AP"
_CAPTION = regex.compile(
    r"(?:^|[.\s])Credit\s*:?\s*\p{Lu}[\p{L}.'’\- ]{1,40}/\s*\p{Lu}[\p{L}.'’\- ]*$"
)


def page_furniture(text: str) -> bool:
    """Whether ``text`` is the page speaking, not the story ("Watch the full interview.",
    "CORRECTION: This article originally said …", a fact check's "CLAIM: …", a picture's
    caption with its credit): never a summary sentence."""
    text = text.strip()
    return bool(_FURNITURE.match(text) or _CAPTION.search(text))
