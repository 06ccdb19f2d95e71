"""Direct quotations, their speaker, and every outlet that carries them."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

import regex

from crosswire.compare.speakers import (
    SPEECH_VERBS,
    agrees,
    antecedent,
    clause_speaker,
    clean_name,
    described_speaks,
    headed_by,
    people_in,
    pronoun_speaks,
    speaker_in,
)
from crosswire.compare.speakers_ar import arabic_speaker, arabic_speaks
from crosswire.text.similarity import sentence_vectors
from crosswire.text.words import words

_SPEECH = frozenset(SPEECH_VERBS) | {"according", "selon", "según", "secondo", "laut"}

_MARK = regex.compile(r"[\"“”«»„]")
# what closes a quotation opened by each mark (German „…“ closes with an English opener)
_CLOSES = {'"': '"', "“": "”“", "«": "»", "„": "“”"}
MIN_QUOTE_CHARS, MAX_QUOTE_CHARS = 15, 400
_LATIN = regex.compile(r"[A-Za-z]")
# a name before the verb may hold lower-case links: "Ministry of Defence", "Bank of England"
_NAME_LINK = r"(?:(?:of|for|de|du|des|la|von|der)\s)?"
# (after "told" comes the listener: "…," Tove Lind told Harbour Radio)
_SPEAKER = regex.compile(
    r"(?:said|says|added|dit|a déclaré|sagte|dijo|قال|قالت)\s+((?:\p{Lu}[\p{L}.'-]+\s?){1,3})"
    r"|((?:\p{Lu}[\p{L}.'-]+\s" + _NAME_LINK + r"){1,4})(?:said|says|told|added|a dit|sagte|dijo)"
)
# "Ines Aro, whose brother was aboard, told the radio: ..." - a name of two words or more
# opening the sentence, an aside between commas, then the verb
_NAMED_ASIDE = regex.compile(
    r"^(?!(?:In|On|At|For|By|From|With|After|Before|During|Since|Later|However|Meanwhile|The|A|An)\s)"
    r"((?:\p{Lu}[\p{L}.'-]+\s){1,3}\p{Lu}[\p{L}.'-]+),\s[^\"“”«»,]{3,120},\s"
    r"(?:said|says|told|added|dit|a dit|a déclaré|sagte|dijo)\b"
)
_LEADING_ARTICLE = regex.compile(r"^(?:The|Le|La|Les|Der|Die|Das|El|Los)(?:\s+|$)")
# a pronoun names nobody ("He said", "Elle a dit"): the quote stays unattributed
_PRONOUNS = frozenset(
    "he she they it we i you him her them il elle ils elles on er sie es wir él ella ellos".split()
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in ``text``, its marks left out. Marks pair as they
    open and close, through sentences: a quotation of three sentences is one, and the mark
    that closes it opens nothing (reading each sentence alone would take the words between
    its closing mark and the next opening one for a quotation). A straight mark opens or
    closes by where it stands (``_straight``); one that can do neither is passed over, as is
    a closing mark with nothing open. An opening mark while a quotation is open starts a new
    one (the first never closed), and so does any mark once the open quotation has run past
    ``MAX_QUOTE_CHARS`` characters."""
    spans = []
    opened: tuple[str, int] | None = None
    for mark in _MARK.finditer(text):
        char = mark.group()
        role = _straight(text, mark.start()) if char == '"' else None
        if char == '"' and role is None:
            continue
        if opened is not None and mark.start() - opened[1] > MAX_QUOTE_CHARS:
            opened = None
        opens = role == "open" or char in "«„" or (char == "“" and opened is None)
        if opened is not None and char in _CLOSES[opened[0]] and role != "open":
            spans.append((opened[1], mark.start()))
            opened = None
        elif opens:
            opened = (char, mark.end())
    return spans


def _straight(text: str, at: int) -> str | None:
    """Whether the straight mark at ``at`` opens ("open": after a space or a bracket, before
    a word) or closes ("close": after a word or punctuation, before a space or punctuation);
    None when it could do both or neither ("a " mark", "x"y")."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    opens = (before.isspace() or before in "([{:—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-/")
    if opens != closes:
        return "open" if opens else "close"
    return None


def extract_quotes(text: str) -> list[tuple[str, str | None]]:
    """The quotations of ``text`` (one or more sentences of one article) and their speakers."""
    return [(quote, speaker) for quote, speaker, _ in _quotes_of([text])]


def _quotes_of(texts: list[str]) -> list[tuple[str, str | None, int]]:
    """Quotations in the consecutive sentences ``texts`` of one article: (quote, speaker,
    index of the sentence it begins in). The speaker is looked for in the sentences the
    quotation spans, outside it."""
    joined = " ".join(texts)
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    out = []
    spans = quote_spans(joined)
    # the article's own words (names inside quotes are not), a sentence a line: a name never
    # runs on from a headline without a full stop into the sentence below it
    unquoted = _blank("\n".join(texts), spans)
    previous: tuple[int, str | None] = (-2, None)  # the last quotation's last sentence, speaker
    for begin, end in spans:
        quote = joined[begin:end].strip()
        first = bisect_right(starts, begin) - 1
        last = bisect_right(starts, end) - 1
        shown = MIN_QUOTE_CHARS <= len(quote) <= MAX_QUOTE_CHARS and len(words(quote)) >= 4
        if not shown and len(quote) > MAX_QUOTE_CHARS:
            continue
        context_end = starts[last] + len(texts[last])
        own = unquoted[starts[first] : max(starts[first], begin - 1)]
        rest = own + " " + unquoted[end + 1 : context_end]
        if not rest.strip() and last + 1 < len(texts) and _attribution_only(texts[last + 1]):
            last += 1  # '"Stop lying!" | Mr. Fox wrote.': split after the "!"
            rest = texts[last]
        before = [unquoted[starts[i] : starts[i] + len(texts[i])] for i in range(first)]
        goes_on = previous[1] if previous[0] in (first - 1, first) else None
        who = _attribute(own, rest, before, unquoted[: max(0, begin - 1)], goes_on)
        if shown:
            out.append((quote, who, first))
            previous = (last, who)
        elif who is not None:  # "“Stop lying!” Mr. Fox wrote. “Mexico is not …”"
            previous = (last, who)
    return out


def _attribute(
    own: str, rest: str, before: list[str], earlier: str, goes_on: str | None
) -> str | None:
    """The speaker of one quotation: ``own`` is its sentence up to it, ``rest`` that and the
    words after it to its last sentence's end, ``before`` the sentences before it, ``earlier``
    the whole text before it (quotations blanked throughout); ``goes_on`` is the speaker of a
    quotation just before, in this sentence or the one before."""
    who = headed_by(own) or _speaker(rest) or arabic_speaker(rest, len(own))
    pronoun = pronoun_speaks(rest) if who is None else None
    if pronoun is None and who is None and described_speaks(rest):
        pronoun = "the"  # "the congressman said": a person named before
    if pronoun:
        # "he said": the person named before whom the pronoun stands for
        who = antecedent([*before, own], pronoun)
        if who is None and pronoun != "the":
            named = [n for n in people_in(earlier) if agrees(pronoun, n)]
            who = named[-1] if named else None
    elif who is None and not _verb_in(rest) and not arabic_speaks(rest, len(own)):
        who = goes_on  # a quotation that goes on in the next sentence, unattributed
    return who if who is not None else clause_speaker(before, own)  # "Schumer …, tweeting: …"


def _attribution_only(sentence: str) -> bool:
    """Whether ``sentence`` holds no quotation and names who spoke ("Mr. Fox wrote.")."""
    if _MARK.search(sentence) or len(words(sentence)) > 12:
        return False
    return speaker_in(sentence) is not None or pronoun_speaks(sentence) is not None


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the quotations' words replaced by spaces (same offsets)."""
    chars = list(text)
    for begin, end in spans:
        chars[begin:end] = " " * (end - begin)
    return "".join(chars)


def _verb_in(text: str) -> bool:
    return any(w in _SPEECH for w in words(text))


def _speaker(rest: str) -> str | None:
    """The speaker named in ``rest`` (``speakers.speaker_in``; then the older patterns)."""
    found = speaker_in(rest)
    if found is not None:
        return found
    older = _older_speaker(rest)
    return clean_name(older) if older else None


def _older_speaker(rest: str) -> str | None:
    who = _SPEAKER.search(rest)
    # "Captain Mara Lind." at the end of a sentence: the full stop is not the name's
    speaker = (who.group(1) or who.group(2)).strip().rstrip(".") if who else None
    if speaker is None and (aside := _NAMED_ASIDE.search(rest.strip())):
        speaker = aside.group(1)
    speaker = _LEADING_ARTICLE.sub("", speaker) if speaker else None
    return speaker if speaker and speaker.casefold() not in _PRONOUNS else None


def quotations(sentences) -> list[tuple[str, str | None, Any]]:  # noqa: ANN001
    """(quote, speaker, the sentence it begins in) for the digest's ``sentences``: those of
    one article (consecutive, the same ``article_id``) are read together, so that a
    quotation may run over several of them."""
    out = []
    k = 0
    while k < len(sentences):
        article = getattr(sentences[k], "article_id", None)
        last = k + 1
        while (
            article is not None
            and last < len(sentences)
            and getattr(sentences[last], "article_id", None) == article
        ):
            last += 1
        group = sentences[k:last]
        out += [(q, who, group[i]) for q, who, i in _quotes_of([s.text for s in group])]
        k = last
    return out


def collect_quotes(  # noqa: ANN001 - digest Sentence list, an embedder
    sentences, embed=None, threshold: float = 0.72, reader_language: str | None = None
) -> list[dict[str, Any]]:
    """Quotes grouped across outlets. In one language, when they share most of their words
    (a quotation is verbatim, a paraphrase is not the same quote); across languages, when
    ``embed`` gives their texts vectors that match at ``threshold`` (a translation: the
    cosine at which two sentences say the same thing; a language the embedder does not know
    matches none). Speakers named in Latin script without a name in common never share a
    quote. A group reads in ``reader_language`` where one of its versions does, and those
    come first; ``translations`` lists the versions in other languages, with their
    outlets."""
    found = [(quote, speaker, s.source, s.language) for quote, speaker, s in quotations(sentences)]
    vectors = None
    if embed is not None and len({language for *_, language in found}) > 1:
        vectors = sentence_vectors([f[0] for f in found], [f[3] for f in found], embed)
    groups: list[dict[str, Any]] = []
    for k, (quote, speaker, source, language) in enumerate(found):
        tokens = set(words(quote))
        for g in groups:
            if _other_speakers(g["speaker"], speaker):
                continue  # "We will rebuild," said one; "We will rebuild," said another
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
    # quotes the reader can read first (one of their versions is in the reader's language)
    readable = [g for g in groups if any(m[2] == reader_language for m in g["_members"])]
    others = [g for g in groups if not any(m[2] == reader_language for m in g["_members"])]
    return [_present(g, reader_language) for g in readable + others]


def _other_speakers(one: str | None, other: str | None) -> bool:
    """Two speakers named in Latin script without a name in common ("Captain Mara Lind" and
    "Lind" are one; "Jon Berg" and "Mara Lind" two)."""
    if not one or not other or not _latin_names(one, other):
        return False
    return not set(one.casefold().split()) & set(other.casefold().split())


def _latin_names(one: str | None, other: str | None) -> bool:
    return bool(one and other and _LATIN.search(one) and _LATIN.search(other))


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
