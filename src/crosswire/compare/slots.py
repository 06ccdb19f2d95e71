"""Differences in one slot of two sentences that otherwise say the same thing: who, where,
which outlet, how much. Read across a whole story, between sentences of different outlets;
precision first, each rule guarded three ways:

- the two sentences describe the same thing: they share ``SHARED_TERMS`` terms or more
  (names, figures, and the first ``STEM`` letters of words in lower case that say something);
- the differing names are of one kind (a place for a place, an outlet for an outlet, a first
  name for a first name), told by where they stand, not by a list of names;
- neither outlet's article ever names the other's: an article that mentions "Linda" and
  "Loretta" is telling of two people, not disagreeing on one.

Rules (each returns conflicts in ``compare_story``'s shape, as ``discrepancies`` does):

- ``namesake_conflicts``: one surname, another first name ("Rep. Ana Ruiz won the vote" /
  "Representative Eva Ruiz won the vote"), first names that are not one another's short
  form ("Jo"/"Joanna") or nickname ("Bill"/"William");
- ``slot_conflicts``: another name before the same word in lower case that says what the
  name is, the same word said before both ("told a Channel affiliate" / "told the Beacon
  affiliate"), or a name after the same
  preposition that is spelled alike but is another ("in Norwalk" / "in Norfolk");
- ``money_conflicts``: the sums paid for one thing: one sum of money in each sentence, a word
  of paying in both (cost, spent, reserved…), three names or more in common (the places the
  money was spent in, who spent it), the sums more than 10 % apart and neither article giving
  the other's sum.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

import regex

from crosswire.compare.discrepancies import _conflict
from crosswire.compare.lexicon import negated
from crosswire.compare.numbers import extract_quantities, values_differ
from crosswire.text.words import words

SHARED_TERMS = 3  # terms two sentences share to say the same thing
STEM = 5  # letters of a word in lower case that stand for it ("defeated"/"defeating")
ALIKE_NAMES = 0.5  # SequenceMatcher ratio of two names spelled alike ("Norwalk"/"Norfolk")
SPELLED_ALIKE = 0.8  # ratio from which two names are one spelled two ways ("Paris"/"Parris")
MONEY_SHARED_NAMES = 3

_TOKEN = regex.compile(r"\d[\d,.]*\d|\d|[\p{L}][\p{L}\p{M}'’\-]*\.?")
# words that say nothing of what happened (as ``discrepancies``' plain words)
_PLAIN = frozenset(
    "that this with from have been were will would said says told their there they them "
    "about after before during when while which what also more than into over under some "
    "last week earlier later since each every only just even still already again less most "
    "such other another these those being because could should where".split()
)
# words before a name that say what the person is, not who: never a first name
TITLES = frozenset(
    "mr mrs ms dr rep sen gov lt gen col sgt capt adm prof rev st representative senator "
    "congressman congresswoman governor president vice speaker leader secretary justice judge "
    "chief attorney general mayor former sir lady lord democrat democratic republican "
    "chairman chairwoman minister prime first the a an house senate acting deputy north south "
    "east west new upper lower great united".split()
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
# first names that are one person's: a short form is caught by ``_same_first``
NICKNAMES = (
    ("bill", "william"),
    ("will", "william"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("jim", "james"),
    ("mike", "michael"),
    ("ted", "edward"),
    ("ted", "theodore"),
    ("ed", "edward"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("tom", "thomas"),
    ("joe", "joseph"),
    ("jack", "john"),
    ("peggy", "margaret"),
    ("maggie", "margaret"),
    ("meg", "margaret"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("betty", "elizabeth"),
    ("kate", "katherine"),
    ("tony", "anthony"),
    ("larry", "lawrence"),
    ("harry", "henry"),
    ("hank", "henry"),
    ("ben", "benjamin"),
    ("dan", "daniel"),
    ("dave", "david"),
    ("don", "donald"),
    ("jerry", "gerald"),
    ("nick", "nicholas"),
    ("pat", "patricia"),
    ("pat", "patrick"),
    ("steve", "steven"),
    ("steve", "stephen"),
    ("sam", "samuel"),
    ("chris", "christopher"),
    ("matt", "matthew"),
)
_NICKNAMES = frozenset(frozenset(p) for p in NICKNAMES)
# words of paying for something: two sums with one of these each are the price of a thing
PAYING = frozenset(
    "cost costs costing spent spend spends spending paid pay pays paying reserved reserve "
    "reserving bought buy buying booked book booking purchased purchase".split()
)
# a name in a place of the sentence where any name might stand: prepositions that say where
PLACE_PREPOSITIONS = frozenset("in at near outside from".split())


def fold(text: str) -> str:
    """``text`` in lower case without accents ("Sánchez" → "sanchez")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


_POSSESSIVE = regex.compile(r"['’]s?$")


def _spans(text: str) -> list[tuple[str, bool]]:
    """Each token, its possessive ending left out, and whether it follows the one before
    with nothing but a space between them (one name may run on)."""
    out = []
    end = -1
    for m in _TOKEN.finditer(text):
        out.append((_POSSESSIVE.sub("", m.group()), text[end : m.start()] == " "))
        end = m.end()
    return out


def _is_name(token: str) -> bool:
    return (token[:1].isupper() and any(c.islower() for c in token)) or token.isupper()


def terms(text: str) -> set[str]:
    """What a sentence is about: its names, its figures, and the stems of its words in lower
    case that say something."""
    out = set()
    for k, token in enumerate(_tokens(text)):
        bare = fold(token.rstrip("."))
        if token[:1].isdigit():
            out.add(bare)
        elif _is_name(token) and k > 0 and len(bare) >= 3:
            if bare not in TITLES and bare not in _CALENDAR:
                out.add(bare)
        elif token[:1].islower() and len(bare) >= 4 and bare not in _PLAIN:
            out.add(bare[:STEM])
    return out


def same_thing(a: str, b: str, names: Iterable[str] = ()) -> bool:
    """Whether sentences ``a`` and ``b`` share ``SHARED_TERMS`` terms besides ``names``."""
    return len(terms(a) & terms(b) - {fold(n) for n in names}) >= SHARED_TERMS


def article_words(sentences: Iterable[Any]) -> dict[int, set[str]]:
    """Each article's words, folded: what it ever names."""
    out: dict[int, set[str]] = defaultdict(set)
    for s in sentences:
        out[s.article_id] |= {fold(t.rstrip(".")) for t, _ in _spans(s.text)}
    return out


def common_words(sentences: Iterable[Any]) -> set[str]:
    """The words the story writes in lower case somewhere: no first names ("Border
    Security" is no person)."""
    return {fold(t.rstrip(".")) for s in sentences for t, _ in _spans(s.text) if t.islower()}


def full_names(text: str) -> list[tuple[str, str]]:
    """(first name, surname) of each run of two names in a row, titles before it
    left out and initials ("T.") skipped: "Representative Linda T. Sánchez" → ("Linda",
    "Sánchez"). A first name is written as one ("Ana", not "ANA")."""
    out: list[tuple[str, str]] = []
    run: list[str] = []
    spans = _spans(text)
    # three names open the sentence: the first is the sentence's ("Yet Ana Ruiz said")
    if len(spans) > 3 and all(_is_name(t) and j for t, j in spans[1:3]):
        spans = spans[1:]
    for token, joined in [*spans, (".", False)]:
        bare = token.rstrip(".")
        if not joined or not _is_name(token):
            run = _close(run, out)
        if _is_name(token) and not (run == [] and _is_title(bare)):
            if len(bare) > 1:  # an initial stands between the names
                run.append(bare)
            if token.endswith(".") and len(bare) > 1:
                run = _close(run, out)
    return out


def _is_title(token: str) -> bool:
    return any(part in TITLES for part in fold(token).split("-"))  # "Then-President"


def _close(run: list[str], out: list[tuple[str, str]]) -> list[str]:
    names = [t for t in run if fold(t) not in _CALENDAR]
    # two names, no more: "Ninth Circuit Court" names no person
    if len(names) == 2 and not any(_is_title(t) for t in names):
        if not names[0].isupper():
            out.append((names[0], names[-1]))
    return []


def _same_first(x: str, y: str) -> bool:
    fx, fy = fold(x), fold(y)
    # a short form ("Andy"/"Andrew") or a misspelling ("Jeronimo"/"Jeromino")
    if fx[:3] == fy[:3] or frozenset((fx, fy)) in _NICKNAMES:
        return True
    return _misspelt(fx, fy)


def _misspelt(x: str, y: str) -> bool:
    """One name spelled two ways ("Paris"/"Parris"): no disagreement."""
    return SequenceMatcher(None, x, y).ratio() >= SPELLED_ALIKE


def _pairs(sentences: list[Any]) -> Iterable[tuple[Any, Any]]:
    for a, b in combinations(sentences, 2):
        if a.source != b.source and a.article_id != b.article_id:
            yield a, b


def namesake_conflicts(sentences: list[Any]) -> list[dict[str, Any]]:
    """People of one surname with another first name in sentences of different outlets that
    say the same thing, neither article naming the other's first name."""
    named, common = article_words(sentences), common_words(sentences)
    found: list[dict[str, Any]] = []
    seen = set()
    for a, b in _pairs(sentences):
        for (fa, la), (fb, lb) in _product(full_names(a.text), full_names(b.text)):
            if fold(la) != fold(lb) or _same_first(fa, fb):
                continue
            if {fold(fa), fold(fb), fold(la)} & common:  # "Supreme Court", "Ninth Court"
                continue
            if not same_thing(a.text, b.text, (fa, fb, la)):
                continue
            if fold(fa) in named[b.article_id] or fold(fb) in named[a.article_id]:
                continue
            key = (a.article_id, b.article_id, fold(la))
            if key not in seen:
                seen.add(key)
                found.append(_conflict("name", f"which {la}", a, b, f"{fa} {la}", f"{fb} {lb}"))
    return found


def _product(xs: list[Any], ys: list[Any]) -> Iterable[tuple[Any, Any]]:
    return ((x, y) for x in xs for y in ys)


# words before a name that say nothing of what is done with it ("its only Black driver")
_NOT_PREDICATE = frozenset(
    "that this with from their there they them about also only just even still some more "
    "most less into over under such other these those been have were likely among former "
    "then late current acting".split()
)
PREDICATE_BEFORE = 3  # tokens before a name among which a word says what is done with it


def _slots(text: str) -> list[tuple[str, str, str, set[str]]]:
    """(name, the word before it, the word after it, the words in lower case among the
    ``PREDICATE_BEFORE`` before it), folded, for each name that does not open the sentence
    and is no title or day; a word next to it only where a space alone stands between."""
    tokens = _spans(text)
    out = []
    for k in range(1, len(tokens)):
        raw, joined = tokens[k]
        token = raw.rstrip(".")
        bare = fold(token)
        if not _is_name(token) or len(bare) < 2 or bare in TITLES or bare in _CALENDAR:
            continue
        before = fold(tokens[k - 1][0]) if joined else ""
        after, next_joined = tokens[k + 1] if k + 1 < len(tokens) else ("", False)
        ends = raw.endswith(".") or after.endswith(".")
        after = fold(after) if next_joined and after[:1].islower() and not ends else ""
        predicate = {
            fold(t)
            for t, _ in tokens[max(0, k - PREDICATE_BEFORE) : k]
            if t.islower() and len(t) >= 4 and t not in _NOT_PREDICATE
        }
        out.append((token, before, after, predicate))
    return out


def _one_name(x: str, y: str) -> bool:
    """One name, inflected or spelled another way ("Russia"/"Russian", "Paris"/"Parris")."""
    fx, fy = fold(x), fold(y)
    if set(fx.split("-")) & set(fy.split("-")):  # "Un" / "Jong-un"
        return True
    return fx[:STEM] == fy[:STEM] or fx.startswith(fy) or fy.startswith(fx) or _misspelt(fx, fy)


def _alike(x: str, y: str) -> bool:
    """Names spelled alike that are other names: the same first three letters, not one
    inflecting the other ("Democrats"/"Democratic")."""
    fx, fy = fold(x), fold(y)
    if fx[:3] != fy[:3] or fx[:STEM] == fy[:STEM] or fx.startswith(fy) or fy.startswith(fx):
        return False
    return ALIKE_NAMES <= SequenceMatcher(None, fx, fy).ratio() < SPELLED_ALIKE


def slot_conflicts(sentences: list[Any]) -> list[dict[str, Any]]:
    """Another name in the same slot of sentences of different outlets that say the same
    thing: before the same word in lower case that says what it is ("affiliate"), or after
    the same preposition of place and spelled alike; neither article naming the other's."""
    named = article_words(sentences)
    found: list[dict[str, Any]] = []
    seen = set()
    for a, b in _pairs(sentences):
        for (xa, pa, na, va), (xb, pb, nb, vb) in _product(_slots(a.text), _slots(b.text)):
            if _one_name(xa, xb) or not same_thing(a.text, b.text, (xa, xb)):
                continue
            # the same thing done with it: "told a CBS affiliate" / "told Denver Fox affiliate"
            # (a name after "of" is part of the one before: "University of Virginia student")
            head = na != "" and na == nb and len(na) >= 4 and na not in _PLAIN and va & vb
            head = head and "of" not in (pa, pb)
            place = pa == pb and pa in PLACE_PREPOSITIONS and _alike(xa, xb)
            if not (head or place):
                continue
            if fold(xa) in named[b.article_id] or fold(xb) in named[a.article_id]:
                continue
            topic = na if head else "the place"
            key = (a.article_id, b.article_id, topic)
            if key not in seen:
                seen.add(key)
                found.append(_conflict("name", topic, a, b, xa, xb))
    return found


def _sum(text: str) -> Any:
    money = [q for q in extract_quantities(text) if q.unit == "dollar"]
    return money[0] if len(money) == 1 else None


def _names(text: str) -> set[str]:
    tokens = _tokens(text)
    return {
        fold(t.rstrip("."))
        for k, t in enumerate(tokens)
        if k > 0 and _is_name(t) and fold(t.rstrip(".")) not in TITLES | _CALENDAR
    }


def money_conflicts(sentences: list[Any]) -> list[dict[str, Any]]:
    """Sums paid for one thing that differ between outlets (see the module's notes)."""
    given: dict[int, list[float]] = defaultdict(list)
    priced = []
    for s in sentences:
        money = [q for q in extract_quantities(s.text) if q.unit == "dollar"]
        given[s.article_id] += [q.value for q in money]
        figure = _sum(s.text)
        if figure is not None and PAYING & set(words(s.text)) and not negated(words(s.text)):
            priced.append((s, figure))
    found = []
    for (a, xa), (b, xb) in combinations(priced, 2):
        if a.source == b.source or not values_differ(xa.value, xb.value):
            continue
        if len(_names(a.text) & _names(b.text)) < MONEY_SHARED_NAMES:
            continue
        if any(not values_differ(xa.value, v) for v in given[b.article_id]):
            continue
        if any(not values_differ(xb.value, v) for v in given[a.article_id]):
            continue
        found.append(_conflict("number", "the sum paid", a, b, xa.text, xb.text))
    return found


def slot_differences(sentences: list[Any]) -> list[dict[str, Any]]:
    """Every rule of this module, over a story's sentences."""
    return namesake_conflicts(sentences) + slot_conflicts(sentences) + money_conflicts(sentences)
