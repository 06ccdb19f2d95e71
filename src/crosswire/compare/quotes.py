"""Direct quotations, their speaker, and every outlet that carries them."""

from __future__ import annotations

from typing import Any

import regex

from crosswire.digest.text import words

_QUOTE = regex.compile(r"[\"“«„]\s*([^\"”»“]{15,400}?)\s*[\"”»“]")
_SPEAKER = regex.compile(
    r"(?:said|says|told|added|dit|a déclaré|sagte|dijo|قال|قالت)\s+((?:\p{Lu}[\p{L}.'-]+\s?){1,3})"
    r"|((?:\p{Lu}[\p{L}.'-]+\s){1,3})(?:said|says|told|added|a dit|sagte|dijo)"
)


def extract_quotes(sentence: str) -> list[tuple[str, str | None]]:
    out = []
    for match in _QUOTE.finditer(sentence):
        quote = match.group(1).strip()
        if len(words(quote)) < 4:
            continue
        rest = sentence[: match.start()] + " " + sentence[match.end() :]
        who = _SPEAKER.search(rest)
        # "Captain Mara Lind." at the end of a sentence: the full stop is not the name's
        speaker = (who.group(1) or who.group(2)).strip().rstrip(".") if who else None
        out.append((quote, speaker))
    return out


def collect_quotes(sentences) -> list[dict[str, Any]]:  # noqa: ANN001 - digest Sentence list
    """Quotes grouped across outlets when they share most of their words."""
    groups: list[dict[str, Any]] = []
    for s in sentences:
        for quote, speaker in extract_quotes(s.text):
            tokens = set(words(quote))
            for g in groups:
                if len(tokens & g["_tokens"]) >= 0.7 * min(len(tokens), len(g["_tokens"])):
                    if s.source not in g["sources"]:
                        g["sources"].append(s.source)
                    g["speaker"] = g["speaker"] or speaker
                    break
            else:
                groups.append(
                    {"quote": quote, "speaker": speaker, "sources": [s.source], "_tokens": tokens}
                )
    for g in groups:
        del g["_tokens"]
    return groups
