"""Whether a sentence speaks in the first person: "I", "we", "my", "our" and their forms.

In news copy the first person is someone else's voice: a quotation ("We have ordered
enough pumps," the mayor said), a letter, a post read out. Standing alone as a bullet of a
summary it reads as the outlet's own claim or needs its speaker; the editors' summaries of
AllSides never use it outside a quotation they introduce. The selection weighs such
sentences down (``SelectionWeights.first_person``), it does not leave them out.

The words are matched as written, case and all, where case tells them apart: English "us"
is the pronoun and "US" the country. Each language's own list; a language without one has
no first person here.
"""

from __future__ import annotations

import regex

FIRST_PERSON: dict[str, frozenset[str]] = {
    "en": frozenset(
        "I I'm I've I'll I'd me my My mine we We we're We're we've We've we'll We'll "
        "us our Our ours".split()
    ),
    "fr": frozenset(
        "je Je j'ai J'ai moi nous Nous mon Mon ma Ma mes Mes notre Notre nos Nos".split()
    ),
    "es": frozenset(
        "yo Yo nosotros Nosotros nosotras mi Mi mis Mis nuestro Nuestro nuestra Nuestra "
        "nuestros Nuestros nuestras Nuestras".split()
    ),
    "pt": frozenset("eu Eu nós Nós meu Meu minha Minha nosso Nosso nossa Nossa".split()),
    "it": frozenset("io Io noi Noi mio Mio mia Mia miei nostro Nostro nostra Nostra".split()),
    "de": frozenset("ich Ich wir Wir mein Mein meine Meine unser Unser unsere Unsere".split()),
    "ar": frozenset("أنا وأنا نحن ونحن إنني إننا".split()),
}
# words as written, an apostrophe inside them kept ("I'm", "j'ai")
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}]+)?")


def first_person(text: str, language: str) -> bool:
    """Whether ``text`` has a first-person pronoun or possessive of ``language``."""
    pronouns = FIRST_PERSON.get(language)
    if not pronouns:
        return False
    return any(m.group().replace("’", "'") in pronouns for m in _WORD.finditer(text))
