"""Direct quotations, their speaker, and every outlet that carries them."""

from __future__ import annotations

from typing import Any

import regex

from crosswire.digest.text import words

_QUOTE = regex.compile(r"[\"“«„]\s*([^\"”»“]{15,400}?)\s*[\"”»“]")
# a name before the verb may hold lower-case links: "Ministry of Defence", "Bank of England"
_NAME_LINK = r"(?:(?:of|for|de|du|des|la|von|der)\s)?"
_SPEAKER = regex.compile(
    r"(?:said|says|told|added|dit|a déclaré|sagte|dijo|قال|قالت)\s+((?:\p{Lu}[\p{L}.'-]+\s?){1,3})"
    r"|((?:\p{Lu}[\p{L}.'-]+\s" + _NAME_LINK + r"){1,4})(?:said|says|told|added|a dit|sagte|dijo)"
)
_LEADING_ARTICLE = regex.compile(r"^(?:The|Le|La|Les|Der|Die|Das|El|Los)(?:\s+|$)")


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
        if speaker:
            speaker = _LEADING_ARTICLE.sub("", speaker) or None
        out.append((quote, speaker))
    return out


def collect_quotes(  # noqa: ANN001 - digest Sentence list, an embedder
    sentences, embed=None, threshold: float = 0.72, reader_language: str | None = None
) -> list[dict[str, Any]]:
    """Quotes grouped across outlets. In one language, when they share most of their words
    (a quotation is verbatim, a paraphrase is not the same quote); across languages, when
    ``embed`` gives their texts vectors that match at ``threshold`` (a translation: the
    cosine at which two sentences say the same thing; a language the embedder does not know
    matches none). A group reads in ``reader_language`` where one of its versions does;
    ``translations`` lists the versions in other languages, with their outlets."""
    found = [
        (quote, speaker, s.source, s.language)
        for s in sentences
        for quote, speaker in extract_quotes(s.text)
    ]
    vectors = None
    if embed is not None and len({language for *_, language in found}) > 1:
        from crosswire.digest.similarity import sentence_vectors

        vectors = sentence_vectors([f[0] for f in found], [f[3] for f in found], embed)
    groups: list[dict[str, Any]] = []
    for k, (quote, speaker, source, language) in enumerate(found):
        tokens = set(words(quote))
        for g in groups:
            if _same_quote(g, tokens, language, vectors, k, threshold):
                g["_members"].append((quote, source, language))
                g["speaker"] = g["speaker"] or speaker
                break
        else:
            groups.append(
                {
                    "speaker": speaker,
                    "_tokens": tokens,
                    "_language": language,
                    "_first": k,
                    "_members": [(quote, source, language)],
                }
            )
    return [_present(g, reader_language) for g in groups]


def _same_quote(
    group: dict, tokens: set[str], language: str, vectors, k: int, threshold: float
) -> bool:  # noqa: ANN001
    if language == group["_language"]:
        shared = len(tokens & group["_tokens"])
        return shared >= 0.7 * min(len(tokens), len(group["_tokens"]))
    return vectors is not None and float(vectors[k] @ vectors[group["_first"]]) >= threshold


def _present(group: dict, reader_language: str | None) -> dict[str, Any]:
    members = group["_members"]
    shown = next((m for m in members if m[2] == reader_language), members[0])
    sources = list(dict.fromkeys(source for _, source, _ in members))
    translations: dict[tuple[str, str], list[str]] = {}
    for quote, source, language in members:
        if language != shown[2]:
            translations.setdefault((quote, language), []).append(source)
    return {
        "quote": shown[0],
        "speaker": group["speaker"],
        "sources": sources,
        "translations": [
            {"quote": quote, "language": language, "sources": list(dict.fromkeys(outlets))}
            for (quote, language), outlets in translations.items()
        ],
    }
