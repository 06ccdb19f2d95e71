"""What a reader notices in a summary, counted: bullets that say the same thing, bullets that
open with page debris or a dangling word, an expander that repeats another bullet, and quotes
without a speaker.

These checks read the digest and the articles themselves; they are written independently of
the rules the digest uses to avoid the faults, so that they can find what those rules miss:

- *near-duplicate pair*: two bullets that would credit each other's outlet (the attribution's
  rule: embedding cosine at the match threshold, or most words shared within a language, and
  no figure of one unit that differs: "12 killed" and "31 killed" are a difference);
- *debris*: a bullet beginning with a dash or bullet mark, a dateline in capitals ("WASHINGTON
  —", "NEW YORK (AP) --"), a wire credit ("(Reuters) -"), a byline ("By Ana Ruiz"), or a
  page label ("Updated", "Photo:", "Read more"); or a bullet that is a picture's caption,
  ending in its credit ("… at the Capitol.CreditAna Ruiz/Reuters");
- *dangling opening*: a bullet whose first word is a personal pronoun or a connective ("He",
  "But", "However", "Meanwhile" …) while the bullet before it is not the sentence before it
  in the same article (where the word would have been resolved);
- *expander repeat*: a sentence in a bullet's "how other outlets put it" that is another
  bullet's text;
- *paraphrase pair*: two bullets in one language that report one fact in other words,
  below the near-duplicate test ("A man was arrested in Tessaport on Friday …" / "Police
  have arrested a suspect over the parcels sent to Tessaport …"): cosine
  ``PARAPHRASE_COSINE`` or more, and ``PARAPHRASE_WORDS`` or more of the same words in lower
  case (the stems of ``compare.slots.terms``: "arrested"/"arrest"), and a name or a figure
  in common. Read on 40 pairs of basil-dev bullets (cosine 0.45 or more, two terms shared),
  it finds 9 of the 18 that report one fact, and calls 5 of the other 22 one (precision
  about 0.65): a count of the problem, not a rule to act on.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import regex

from crosswire.compare.numbers import figures_disagree
from crosswire.compare.slots import STEM, fold, terms
from crosswire.models import Digest
from crosswire.text.matching import lexical_match
from crosswire.text.similarity import sentence_vectors
from crosswire.text.words import split_sentences, words

_DEBRIS = regex.compile(
    r"^(?:"
    r"[-–—―‒−•*|>]"  # a dash or a bullet mark
    # (a dash set off by a space, a long dash or a colon: "Ki-Moon" is a name, not a dateline)
    r"|\p{Lu}[\p{Lu}.'’\-]+(?:[ ,]+\p{Lu}[\p{L}.'’\-]*){0,4}\s*(?:\([^)]{1,40}\))?"
    r"(?:\s+[-–—―‒−]|\s*[–—―‒−:]|\s*--)"
    r"|\(?(?:AP|AFP|Reuters|CNN|UPI|dpa|EFE|ANSA|Bloomberg|Associated Press)\)?\s*[-–—―‒−:]"
    r"|By\s+\p{Lu}[\p{L}.'’-]+\s+\p{Lu}[\p{L}.'’-]+"
    # a page's label before a colon, a bar or a dash ("Video: …"; "Video from a bystander …" is
    # a sentence), or its call to act ("Watch the full interview", "Read more")
    r"|(?:Updated|Published|Posted|Last updated|Photo|Image|Video)\s*(?:[:|–—―‒−]|-\s|$)"
    r"|(?:Watch|Read more|Click here|Advertisement|Sign up|Follow)\b"
    r")"
)
# "ISIS fighters …", "U.S. officials …": capitals followed by words, not by a dash
DANGLING = frozenset(
    # pronouns and connectives that need what came before (en, es, fr, it, de, pt)
    "he she they him her them his their its it this these those that such but however also "
    "and meanwhile still yet instead so then moreover furthermore additionally nonetheless "
    "nevertheless thus therefore besides likewise similarly otherwise or nor plus "
    "él ella ellos ellas pero sin embargo además también il elle ils elles mais cependant "
    "toutefois aussi lui egli ella essi però tuttavia inoltre anche er sie aber jedoch "
    "außerdem auch ele ela eles elas mas porém".split()
)


PARAPHRASE_COSINE = 0.5
PARAPHRASE_WORDS = 3
_LOWER = regex.compile(r"(?<![\p{L}'’])\p{Ll}[\p{L}'’\-]*")


def paraphrase_pair(a: str, b: str, cosine: float) -> bool:
    """Whether bullets ``a`` and ``b`` (one language, ``cosine`` apart) report one fact in
    other words (see the module's docstring)."""
    if cosine < PARAPHRASE_COSINE:
        return False
    shared = terms(a) & terms(b)
    lower = {fold(w)[:STEM] for w in _LOWER.findall(a)} & {
        fold(w)[:STEM] for w in _LOWER.findall(b)
    }
    words = shared & lower
    return len(words) >= PARAPHRASE_WORDS and len(shared - words) >= 1


# a picture's caption ending in its credit ("… at the Capitol.CreditAna Ruiz/Reuters")
_CREDIT_LINE = regex.compile(r"Credit\s*:?\s*\p{Lu}[^/]{1,40}/\s*\p{Lu}\S*\s*$")


def has_debris(text: str) -> bool:
    return bool(_DEBRIS.match(text.strip()) or _CREDIT_LINE.search(text))


# "This week", "So far": a demonstrative that points at a time, not at what came before
TIMES = frozenset("week weekend year month morning afternoon evening far".split())


def opening_word(text: str) -> str:
    tokens = words(text[:60])
    if len(tokens) > 1 and tokens[1] in TIMES:
        return ""
    return tokens[0] if tokens else ""


def digest_quality(
    digest: Digest,
    articles: list,
    embed,
    threshold: float,  # noqa: ANN001
) -> dict[str, Any]:
    """Counts for one digest, and the examples behind them (bullet texts)."""
    entries = digest.summary
    by_id = {int(a.id or 0): a for a in articles}
    texts = [e.text for e in entries]
    languages = [(by_id.get(e.article_id) and by_id[e.article_id].language) or "" for e in entries]
    out: dict[str, Any] = {
        "bullets": len(entries),
        "near_duplicate_pairs": [],
        "debris": [],
        "dangling": [],
        "expander_repeats": [],
        "paraphrase_pairs": [],
    }
    if entries:
        vectors = sentence_vectors(texts, languages, embed)
        for i, j in combinations(range(len(entries)), 2):
            cosine = float(vectors[i] @ vectors[j])
            lexical = (
                lexical_match(words(texts[i]), words(texts[j]))
                if languages[i] == languages[j]
                else 0.0
            )
            if (cosine >= threshold or lexical >= 0.6) and not figures_disagree(texts[i], texts[j]):
                out["near_duplicate_pairs"].append([texts[i], texts[j]])
            elif languages[i] == languages[j] and paraphrase_pair(texts[i], texts[j], cosine):
                out["paraphrase_pairs"].append([texts[i], texts[j]])
    sentences_of: dict[int, list[str]] = {}
    for k, entry in enumerate(entries):
        text = entry.text
        if has_debris(text):
            out["debris"].append(text)
        if opening_word(text) in DANGLING:
            article = by_id.get(entry.article_id)
            if article is not None and article.id not in sentences_of:
                sentences_of[article.id] = [
                    " ".join(s.split()) for s in split_sentences(article.text)
                ]
            own = sentences_of.get(entry.article_id, [])
            before = own[own.index(text) - 1] if text in own and own.index(text) > 0 else None
            previous = entries[k - 1] if k else None
            resolved = (
                previous is not None
                and before is not None
                and previous.article_id == entry.article_id
                and previous.text == before
            )
            if not resolved:
                out["dangling"].append(text)
        others = set(texts) - {text}
        for e in entry.evidence:
            if e.sentence in others:
                out["expander_repeats"].append(e.sentence)
    quotes = digest.comparison.quotes
    out["quotes"] = len(quotes)
    out["quotes_named"] = sum(1 for q in quotes if q.speaker)
    return out


COUNTED = ("near_duplicate_pairs", "paraphrase_pairs", "debris", "dangling", "expander_repeats")


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Sums over stories; each list becomes its length."""
    result: dict[str, Any] = {"bullets": sum(r["bullets"] for r in rows)}
    for key in COUNTED:
        result[key] = sum(len(r[key]) for r in rows)
    result["quotes"] = sum(r["quotes"] for r in rows)
    result["quotes_named"] = sum(r["quotes_named"] for r in rows)
    result["quotes_unnamed"] = result["quotes"] - result["quotes_named"]
    return result
