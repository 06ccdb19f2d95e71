"""Claims that diverge: one pair of sentences at a time, precision first.

Two sentences from different outlets conflict only when they are about the same thing
(embedding cosine gates, set high) and then only on one of these grounds:

- ``number``: a figure with the same unit differs by more than 10 % and the other sentence
  does not also carry the first figure (same subject: cosine at ``SAME_FIGURE_SUBJECT``, or
  the very same words around the figures);
- ``casualty``: one says killed/dead, the other injured/survived (neither both), with the same
  count of people when counts are given, no negation in either;
- ``stance``: one confirms, the other denies, no negation;
- ``direction``: raised vs cut vs left unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.compare.lexicon import NUMBER_WORDS, classes_in, negated
from crosswire.compare.numbers import extract_quantities, numbers_mentioned, values_differ
from crosswire.text.words import words

SAME_FIGURE_SUBJECT = 0.8  # cosine for two figures to be about the same subject
SAME_EVENT = 0.6  # cosine for casualty claims with matching counts
SAME_CLAIM = 0.75  # cosine for claims without numbers to be about the same thing
CROSS_UNIT = 0.85  # cosine to align figures whose unit words differ (another language)
# Below this cosine no rule flags anything: callers may skip such pairs unread.
MIN_CONFLICT_COSINE = min(SAME_FIGURE_SUBJECT, SAME_EVENT, SAME_CLAIM, CROSS_UNIT)


@dataclass
class Conflict:
    kind: str
    topic: str
    claim_a: str
    claim_b: str


def _exclusive(category: str, a: str, b: str) -> tuple[str, str] | None:
    ca, cb = classes_in(category, a), classes_in(category, b)
    if len(ca) == 1 and len(cb) == 1 and ca != cb:
        return next(iter(ca)), next(iter(cb))
    return None


def frame(sentence: str) -> frozenset[str]:
    """The sentence's words without its figures: what is said about the numbers."""
    return frozenset(
        w for w in words(sentence) if not any(c.isdigit() for c in w) and w not in NUMBER_WORDS
    )


CONTEXT_WORDS = 4  # words before a figure that, the same in both sentences, say what it counts


def same_context_figures(a: str, b: str) -> Conflict | None:
    """Figures (years too: "since 2002") that the same ``CONTEXT_WORDS`` words introduce in
    both sentences, at least two of them longer than three letters, and that differ, neither
    sentence giving the other's figure: "has led the party since 2002" against "has led the
    party since 2003". The words say what is counted, whatever else the sentences say."""
    ta, tb = words(a), words(b)
    for i, x in enumerate(ta):
        if not x.isdigit() or i < CONTEXT_WORDS:
            continue
        context = ta[i - CONTEXT_WORDS : i]
        if sum(len(w) > 3 for w in context) < 2 or any(w.isdigit() for w in context):
            continue
        for j, y in enumerate(tb):
            if y.isdigit() and j >= CONTEXT_WORDS and tb[j - CONTEXT_WORDS : j] == context:
                if x != y and x not in tb and y not in ta:
                    return Conflict("number", " ".join(context[-2:]), x, y)
    return None


def number_conflict(a: str, b: str, cosine: float) -> Conflict | None:
    if negated(words(a)) or negated(words(b)):
        return None
    found = unit_figures(a, b, cosine)
    if found is None and cosine >= SAME_EVENT:
        # figures the same words introduce, whatever their unit ("since 2002" / "since 2003")
        found = same_context_figures(a, b)
    return found


def unit_figures(a: str, b: str, cosine: float) -> Conflict | None:
    """Figures of one unit that differ in two sentences about the same subject."""
    # Embeddings weigh figures heavily: the same sentence with another number can fall below
    # SAME_FIGURE_SUBJECT. Word for word the same frame is as good a sign of the same subject.
    same_frame = cosine >= SAME_EVENT and frame(a) == frame(b)
    if cosine < SAME_FIGURE_SUBJECT and not same_frame:
        return None
    qa, qb = extract_quantities(a), extract_quantities(b)
    # "2000 people" reads as a year until the other sentence counts people too
    qa += [q for q in extract_quantities(a, year_like=True) if q.unit in {y.unit for y in qb}]
    qb += [q for q in extract_quantities(b, year_like=True) if q.unit in {x.unit for x in qa}]
    if not qa or not qb:
        return None
    # the numbers each sentence writes in any form ("the 58th day" gives 58 days)
    in_a, in_b = numbers_mentioned(a), numbers_mentioned(b)
    for x in qa:
        if any(not values_differ(x.value, v) for v in in_b):
            continue  # the other sentence carries this figure too
        for y in qb:
            if any(not values_differ(y.value, v) for v in in_a):
                continue
            same_unit = x.unit == y.unit and x.unit != ""
            if not same_unit and cosine < SAME_FIGURE_SUBJECT:
                continue  # the frame alone never aligns figures of different units
            other_language = len(qa) == 1 and len(qb) == 1 and cosine >= CROSS_UNIT
            if (same_unit or other_language) and values_differ(x.value, y.value):
                return Conflict("number", x.unit or y.unit, x.text, y.text)
    return None


def claim_conflict(a: str, b: str, cosine: float) -> Conflict | None:
    wa, wb = words(a), words(b)
    if negated(wa) or negated(wb):
        return None
    sides = _exclusive("casualty", a, b)
    if sides and cosine >= SAME_EVENT:
        ca = {q.value for q in extract_quantities(a)}
        cb = {q.value for q in extract_quantities(b)}
        if (ca and cb and ca & cb) or (not ca and not cb and cosine >= SAME_CLAIM):
            return Conflict("casualty", "killed or injured", sides[0], sides[1])
    for category, threshold in (("stance", SAME_CLAIM), ("direction", SAME_FIGURE_SUBJECT)):
        sides = _exclusive(category, a, b)
        if sides and cosine >= threshold:
            return Conflict(category, category, sides[0], sides[1])
    return None


def detect_conflict(a: str, b: str, cosine: float) -> Conflict | None:
    """The conflict between sentences ``a`` and ``b`` (cosine of their embeddings), if any."""
    return claim_conflict(a, b, cosine) or number_conflict(a, b, cosine)
