"""Discrepancies that sentence similarity alone does not pair: read across a whole story,
between sentences of different outlets, each rule precise before it is broad.

- ``counted``: one count of the same thing, aligned by what it counts: the unit and the word
  after it ("the 48-page indictment" / "the 47-page indictment"); exact counts only (no
  "about", "more than" before them, no percentages), neither sentence giving the other's
  figure nor speaking of what might be ("if", "would", "needs").
- ``number`` or ``year`` (``context_conflicts``): figures, years too, that the same two words
  introduce, in sentences that share another word about them ("his term ends in 2018" / "his
  final term as governor officially ends in 2019"); a year is not a figure that changes
  between reports (``compare.mark_changed``).
- ``day``: the day the same thing happened, named as a weekday ("apologized Friday for a
  Facebook post" / "had to apologize Saturday for a Facebook post"), each weekday read as a date
  from its report's publication day (the latest such weekday on or before it), the reports at
  most ``DAY_REPORTS_APART`` apart: the dates differ. What happened is what the words around
  each weekday share (``DAY_SHARED_WORDS`` words of four letters or more), the word next to
  each weekday among them ("apologized Friday", "apologize Saturday"); a weekday still to
  come ("will meet on Thursday") is no date of the past.
- ``quote``: the same quotation, by the same speaker or none, said with a negation in one
  outlet's version and without it in the other's ("If they don't pass this bill …" / "To pass
  this bill …"): worded materially differently.

Each returns conflicts in ``compare_story``'s shape: ``kind``, ``topic``, and two ``sides``
(``claim``, ``sources``, ``sentence``, ``article_id``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import combinations, product
from typing import Any

import regex

from crosswire.compare.lexicon import NEGATIONS
from crosswire.compare.numbers import extract_quantities
from crosswire.text.words import split_sentences, words

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_REPORTS_APART = timedelta(days=2)
DAY_WINDOW = 6  # words either side of a weekday that say what happened that day
DAY_SHARED_WORDS = 2
# words that say nothing of what happened
_PLAIN = frozenset(
    "that this with from have been were will would said says told their there they them "
    "about after before during when while which what also more than into over under some "
    "night morning afternoon evening last week earlier later since each every total only just "
    "even still already again more less most least".split()
)
# a count that is not exact: "about 60,000", "more than $250,000"
_APPROXIMATE = regex.compile(
    r"(?:about|around|nearly|almost|roughly|approximately|some|over|under|up to|at least|"
    r"more than|less than|fewer than|close to|an estimated)\s*\$?$",
    regex.IGNORECASE,
)
# units a count of things has, not of time: "3 years ago" and "2 years ago" are two events
_TIME_UNITS = frozenset("year month week day hour minute second decade".split())
_KEY = regex.compile(r"[\s\-]*([\p{L}]{4,})")


def _side(sentence: Any, claim: str) -> dict[str, Any]:
    return {
        "claim": claim,
        "sources": [sentence.source],
        "sentence": sentence.text,
        "article_id": sentence.article_id,
    }


def _conflict(kind: str, topic: str, a: Any, b: Any, ca: str, cb: str) -> dict[str, Any]:
    return {"kind": kind, "topic": topic, "sides": [_side(a, ca), _side(b, cb)]}


def counted_figures(sentence: str) -> dict[tuple[str, str], tuple[float, str, bool]]:
    """The figures of ``sentence`` keyed by what they count: (unit, the word after it) →
    (value, text, exact). Time units and figures without a word after their unit are left
    out, as is a key the sentence gives twice."""
    out: dict[tuple[str, str], tuple[float, str, bool]] = {}
    twice = set()
    for q in extract_quantities(sentence):
        if not q.unit or q.unit in _TIME_UNITS:
            continue
        at = sentence.find(q.text)
        if at < 0:
            continue
        after = _KEY.match(sentence, at + len(q.text))
        if after is None or after.group(1).casefold() in _PLAIN:
            continue
        key = (q.unit, after.group(1).casefold())
        exact = q.value.is_integer() and not _APPROXIMATE.search(sentence[:at])
        if key in out:
            twice.add(key)
        out[key] = (q.value, q.text, exact)
    return {k: v for k, v in out.items() if k not in twice}


# a count said of what might be, not of what is: "he needs 279 electoral votes"
_HYPOTHETICAL = frozenset("if would could might needs need either unless".split())


def count_conflicts(sentences: list[Any]) -> list[dict[str, Any]]:
    """``counted`` differences between sentences of different outlets (one per key): exact
    counts, no percentages (a rate depends on what it is compared with), neither sentence
    giving the other's figure anywhere nor speaking of what might be."""
    keyed = []
    for s in sentences:
        figures = {k: v for k, v in counted_figures(s.text).items() if v[2] and k[0] != "%"}
        if figures and not _HYPOTHETICAL & set(words(s.text)):
            keyed.append((s, figures, [q.value for q in extract_quantities(s.text)]))
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for (a, fa, va), (b, fb, vb) in combinations(keyed, 2):
        if a.source == b.source:
            continue
        for key in fa.keys() & fb.keys() - found.keys():
            (xa, ta, _), (xb, tb, _) = fa[key], fb[key]
            if xa != xb and xa not in vb and xb not in va:
                found[key] = _conflict("number", " ".join(key), a, b, ta, tb)
    return list(found.values())


def _day_of(weekday: str, published: datetime) -> date:
    """The date a weekday names in a report published at ``published``: the latest such
    weekday on or before the publication day."""
    back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
    return published.date() - timedelta(days=back)


EARLIER_THIS_WEEK = "earlier this week"


def _days_of(day: str, published: datetime) -> set[date]:
    """The dates ``day`` may name in a report published at ``published``: a weekday one;
    "earlier this week" the days of its week (from Sunday) before the publication day."""
    if day in WEEKDAYS:
        return {_day_of(day, published)}
    since_sunday = (published.weekday() + 1) % 7
    return {published.date() - timedelta(days=k) for k in range(1, since_sunday + 1)}


# what may stand between a weekday and the word that says what happened that day
_DAY_FILLER = frozenset(
    "on last late early this the a an and of night morning afternoon evening to".split()
)
# a day still to come: its date is not the publication's past ("will meet on Thursday", "is
# expected to disclose his intentions on Monday")
_FUTURE = frozenset("will won't next expected scheduled plans planned set due upcoming".split())
_WORD = regex.compile(r"[\p{L}][\p{L}'’\-]*")
_EARLIER = regex.compile(r"\bearlier\s+this\s+week\b", regex.IGNORECASE)


def _day_context(text: str) -> tuple[str, set[str], set[str]] | None:
    """The sentence's one day (a past weekday, else "earlier this week"), the words around it
    that say what happened, and the nearest of them on either side, written in lower case
    (not a name)."""
    tokens = [(m.group(), m.group().casefold()) for m in _WORD.finditer(text)]
    days = [k for k, (_, t) in enumerate(tokens) if t in WEEKDAYS]
    if not days:  # "earlier this week" is the day only where no weekday is named
        text = _EARLIER.sub("earlier-this-week", text)
        tokens = [(m.group(), m.group().casefold()) for m in _WORD.finditer(text)]
        days = [k for k, (_, t) in enumerate(tokens) if t == "earlier-this-week"]
    folded = [t for _, t in tokens]
    if len({folded[k] for k in days}) != 1:
        return None
    k = days[0]
    near = folded[max(0, k - DAY_WINDOW) : k + DAY_WINDOW + 1]
    if _FUTURE & set(folded):
        return None
    context = {t[:6] for t in near if len(t) >= 4 and t not in _PLAIN | set(WEEKDAYS)}
    context.discard("earlie")
    return folded[k].replace("-", " "), context, _neighbours(tokens, k)


def _neighbours(tokens: list[tuple[str, str]], k: int) -> set[str]:
    """The first word in lower case before and after position ``k``, past filler words."""
    out = set()
    for step in (-1, 1):
        at = k + step
        while 0 <= at < len(tokens) and tokens[at][1] in _DAY_FILLER:
            at += step
        if 0 <= at < len(tokens):
            raw, folded = tokens[at]
            if raw[:1].islower() and len(folded) >= 4 and folded not in _PLAIN:
                out.add(folded[:6])
    return out


def day_conflicts(sentences: list[Any], published: dict[int, datetime]) -> list[dict[str, Any]]:
    """``day`` differences between sentences of different outlets."""
    dated: list[tuple[Any, datetime, str, set[str], set[str]]] = []
    for s in sentences:
        when = published.get(s.article_id)
        context = _day_context(s.text) if when is not None else None
        if when is not None and context is not None:
            dated.append((s, when, *context))
    found: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for (a, wa, da, ca, na), (b, wb, db, cb, nb) in combinations(dated, 2):
        if a.source == b.source or da == db or abs(wa - wb) > DAY_REPORTS_APART:
            continue
        # what happened next to each day: the same word, or each one's among the other's words
        if len(ca & cb) < DAY_SHARED_WORDS or not (na & nb or na & cb and nb & ca):
            continue
        if (a.article_id, b.article_id) in seen:
            continue
        if not _days_of(da, wa) & _days_of(db, wb):
            seen.add((a.article_id, b.article_id))
            found.append(_conflict("day", "the day", a, b, _said(da), _said(db)))
    return found


def _said(day: str) -> str:
    return day.title() if day in WEEKDAYS else day


def _negations(tokens: set[str]) -> set[str]:
    return {t for t in tokens if t in NEGATIONS or t.endswith(("n't", "n’t"))}


def quote_conflicts(quotes: list[tuple[str, str | None, Any]]) -> list[dict[str, Any]]:
    """``quote`` differences: (quote, speaker, sentence) of different outlets with a sentence
    each that shares most of its words with the other's (of the longer's words, too), one
    with a negation the other lacks."""
    found = []
    for (qa, sa, a), (qb, sb, b) in combinations(quotes, 2):
        if a.source == b.source or (sa and sb and not set(sa.split()) & set(sb.split())):
            continue
        for ta, tb in product(_sentence_words(qa), _sentence_words(qb)):
            if len(ta) < 8 or len(tb) < 8 or len(ta & tb) < 0.7 * max(len(ta), len(tb)):
                continue
            if bool(_negations(ta)) != bool(_negations(tb)):
                found.append(_conflict("quote", "the quotation's words", a, b, qa, qb))
                break
    return found


def _sentence_words(quote: str) -> list[set[str]]:
    return [set(words(sentence)) for sentence in split_sentences(quote)]


CONTEXT_BEFORE = 7  # words before a figure in which the two sentences share what it is about
_FIGURE = regex.compile(r"\d[\d,.]*")


def _figure_contexts(text: str) -> list[tuple[str, tuple[str, str], set[str]]]:
    """(figure, the two words before it, the other words of four letters or more in lower
    case before it) for each figure of ``text`` (years too)."""
    tokens = [(m.group(), m.group().casefold()) for m in _WORD_OR_FIGURE.finditer(text)]
    out = []
    for k, (raw, _) in enumerate(tokens):
        if not _FIGURE.fullmatch(raw) or k < 2:
            continue
        last = (tokens[k - 2][1], tokens[k - 1][1])
        if max(len(w) for w in last) < 4 or any(_FIGURE.match(w) for w in last):
            continue
        before = tokens[max(0, k - CONTEXT_BEFORE) : k - 2]
        content = {f for r, f in before if r[:1].islower() and len(f) >= 4 and f not in _PLAIN}
        out.append((raw.rstrip(".,"), last, content))
    return out


_WORD_OR_FIGURE = regex.compile(r"\d[\d,.]*\d|\d|[\p{L}][\p{L}'’\-]*")


def context_conflicts(sentences: list[Any]) -> list[dict[str, Any]]:
    """Figures that the same two words introduce ("his term ends in 2018" / "his final term
    as governor officially ends in 2019") in sentences of different outlets that share
    another word about it before them ("term"), neither sentence giving the other's figure."""
    found = []
    seen = set()
    contexts = [(s, _figure_contexts(s.text)) for s in sentences]
    for (a, fa), (b, fb) in combinations(contexts, 2):
        if a.source == b.source:
            continue
        for (xa, la, ca), (xb, lb, cb) in product(fa, fb):
            if la != lb or xa == xb or not ca & cb or (la, xa, xb) in seen:
                continue
            if xa in b.text or xb in a.text:
                continue
            seen.add((la, xa, xb))
            # a year is when something is or was, not a count that rises between reports
            year = all(x.isdigit() and 1900 <= int(x) <= 2100 for x in (xa, xb))
            found.append(_conflict("year" if year else "number", " ".join(la), a, b, xa, xb))
    return found
