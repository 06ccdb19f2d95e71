"""Quantities in sentences ("5 million shells", "24 years", "62 percent"), aligned across
outlets; figures for the same subject that differ are flagged, with both sentences."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from crosswire.compare.lexicon import (
    MONTH_UNITS,
    MULTIPLIERS,
    NUMBER_JOINERS,
    NUMBER_WORDS,
    ONE_INSIDE,
    PERCENT,
    SCALES,
    SOURCE_UNITS,
    SOURCE_VERBS,
    TWENTIES,
    YEAR_UNITS,
)
from crosswire.text.months import MONTHS
from crosswire.text.words import words

# Thousands separated by , . space or the Arabic thousands separator; decimals after . , the
# Arabic decimal separator or the Arabic comma, which Arabic writers also use for it ("4،7").
# A number joined to a name by a hyphen ("COVID-19", "G-20", "F-35") belongs to the name.
_NUMBER = regex.compile(
    r"(?<![\p{L}\p{N}])(?<!\p{L}-)"
    r"(\d{1,3}(?:[,.\u00a0\u202f \u066c]\d{3})+|\d+(?:[.,\u066b\u060c]\d+)?)(?![\p{N}])"
)
_WORDISH = regex.compile(r"[\p{L}\p{M}%]+")
# a number glued to an ordinal ending ("13th", "13e", "13eme", "1er", "2º") names a rank
_ORDINAL = regex.compile(r"(?:st|nd|rd|th|e|er|re|ère|eme|ème|ieme|ième|º|ª)(?![\p{L}\p{N}])")
_ABBREVIATION = regex.compile(r"\s*(?:\p{L}\.){2,}")  # "U.S." in "four U.S. officials"
RELATIVE_TOLERANCE = 0.1
# a number followed by one of these is a time of day ("ten o'clock", "10 pm"), not a figure
# ("3س 12د 40ث": hours, minutes and seconds in Arabic)
CLOCK_UNITS = frozenset("o'clock o’clock o am pm gmt utc uhr س د ث".split())
_MINUTES = regex.compile(r"\d[:h]$")  # what stands before the minutes of a clock time
# after the hour: "a.m.", "p. m.", "am", "o'clock" (any CLOCK_UNITS word), "h30"
_CLOCK_AFTER = regex.compile(
    r"\s?(?:[ap]\.\s?m\b|h\s?\d\d(?!\d)|(?:"
    + "|".join(sorted(map(regex.escape, CLOCK_UNITS), key=len, reverse=True))
    + r")(?![\p{L}\p{N}]))",
    regex.IGNORECASE,
)
# a currency sign before a figure is its unit, named as the word after a figure names it
CURRENCIES = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_CURRENCY = regex.compile(r"(?:US|A|C)?([$€£¥])\s?$")
FUNCTION_WORDS = frozenset(
    "the a an of in on at to and or was were is are who that for by with from le la les de "
    "des du et en à est sont der die das und im am el los las y "
    "من في على إلى الى عن مع أو ثم".split()  # ar: "stage 13 of", "في"
)


@dataclass
class Quantity:
    text: str  # as written: "5 million shells"
    value: float
    unit: str  # case-folded, singular-ish: "shell", "%", "" when none


def parse_number(token: str) -> float:
    """'1,200' / '12 000' / '2.500' / '١٬٢٠٠' → thousands; '3.2' / '3,2' / '٣٫٢' / '3،2' →
    decimals."""
    compact = token.replace("\u00a0", " ").replace("\u202f", " ").replace("\u066c", ",")
    if regex.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+", compact):
        return float(regex.sub(r"[,. ]", "", compact))
    return float(regex.sub(r"[,\u066b\u060c]", ".", compact))


def _unit(after: str) -> tuple[str, str]:
    """(unit, the text it took) from what follows a number."""
    lowered = after.casefold().lstrip()
    for p in PERCENT:
        if lowered.startswith(p):
            return "%", after[: len(after) - len(after.lstrip()) + len(p)]
    skipped = _ABBREVIATION.match(after)
    offset = skipped.end() if skipped else 0  # the unit is the word after "U.S."
    match = _WORDISH.search(after, offset, offset + 40)
    if match is None or match.start() > offset + 2:
        return "", ""
    word = match.group().casefold()
    if word in FUNCTION_WORDS:
        return "", ""
    return _singular(word), after[: match.end()]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


# month names as written and as a unit reads them ("mars" -> "mar", "augustus" -> "augustu")
# (case-folded as the text is: Greek "Μαΐου" folds to a decomposed "ΐ")
_MONTH_WORDS = frozenset(w for m in MONTHS for w in (m.casefold(), _singular(m.casefold())))


def extract_quantities(sentence: str, year_like: bool = False) -> list[Quantity]:
    """Figures with their unit; years, dates and clock times are left out. With
    ``year_like``, only the numbers left out as years that a unit follows ("2000 people",
    "the 2020 election"): a figure or a year, as the other sentence tells
    (``compare.claims.number_conflict``)."""
    out: list[Quantity] = []
    for match in _NUMBER.finditer(sentence):
        token = match.group(1)
        before = sentence[: match.start()].casefold().split()[-1:]
        after = sentence[match.end() :]
        if after[:1] == ":" or (before and before[0].strip(",.") in _MONTH_WORDS):
            continue  # the hour of "8:00", or a day of a month
        if _ORDINAL.match(after):
            continue  # "the 13th stage", "la 13eme étape": a rank, not a count
        if _MINUTES.search(sentence, 0, match.start()) or _CLOCK_AFTER.match(after):
            continue  # the minutes of "8:00" or "8h30", or the hour of "8 a.m.", "8h30", "10 pm"
        try:
            value = parse_number(token)
        except ValueError:
            continue
        rest = after
        scale_match = regex.match(r"\s*([\p{L}]+)", rest)
        if scale_match and scale_match.group(1).casefold() in SCALES:
            value *= SCALES[scale_match.group(1).casefold()]
            rest = rest[scale_match.end() :]
        unit, taken = _unit(rest)
        if unit in _MONTH_WORDS or unit in CLOCK_UNITS:
            continue
        currency = _CURRENCY.search(sentence, 0, match.start())
        if currency:  # "$5 billion" is "5 billion dollars", whatever word follows
            unit, taken = CURRENCIES[currency.group(1)], ""
        year = 1900 <= value <= 2100 and value.is_integer() and unit != "%"
        if year != year_like or (year_like and not unit) or (unit and unit.isdigit()):
            continue
        if _counts_sources(unit, words(rest[len(taken) :])[:3]):
            continue
        start = currency.start() if currency else match.start()
        text = sentence[start : len(sentence) - len(rest)] + taken
        out.append(Quantity(" ".join(text.split()), value, unit))
    if not year_like:
        out += _spelled_figures(words(sentence))
    return _durations(out, " ".join(words(sentence)))


def _counts_sources(unit: str, following: list[str]) -> bool:
    """Whether a figure counts an outlet's sources: "four officials familiar with …",
    "three people said"."""
    return unit in SOURCE_UNITS and any(w in SOURCE_VERBS for w in following)


def _durations(quantities: list[Quantity], folded: str) -> list[Quantity]:
    """A duration written in two parts, years then months ("three years, four months",
    "2 years and 6 months"), as one figure in months; ``folded`` is the sentence's words."""
    for years in [q for q in quantities if q.unit in YEAR_UNITS]:
        for months in [q for q in quantities if q.unit in MONTH_UNITS]:
            first, second = " ".join(words(years.text)), " ".join(words(months.text))
            joined = [f"{first}{sep}{second}" for sep in (" ", " and ", " et ", " y ", " und ")]
            if any(f" {j} " in f" {folded} " for j in joined):
                text = f"{years.text}, {months.text}"
                value = years.value * 12 + months.value
                quantities = [q for q in quantities if q not in (years, months)]
                quantities.append(Quantity(text, value, months.unit))
                break
    return quantities


def _spelled_figures(tokens: list[str]) -> list[Quantity]:
    """Figures written in words, one per run of number words ("thirty five", "two hundred
    and twelve", "five million", "quatre vingt dix"), with the word after the run as unit;
    not after "a" or "the" ("the two sides")."""
    out = []
    for start, value, end in _runs(tokens):
        if start and tokens[start - 1] in ("a", "the"):
            continue
        at = end
        while at + 1 < len(tokens) and len(tokens[at]) == len(tokens[at + 1]) == 1:
            at += 2  # an abbreviation: "four U.S. officials"
        nxt = tokens[at : at + 1]
        unit = _singular(nxt[0]) if nxt else ""
        if (
            unit
            and not unit.isdigit()
            and unit not in FUNCTION_WORDS | CLOCK_UNITS | _MONTH_WORDS
            and not _counts_sources(unit, tokens[at + 1 : at + 4])
        ):
            out.append(Quantity(" ".join(tokens[start:end] + nxt), value, unit))
    return out


def _runs(tokens: list[str]) -> Iterator[tuple[int, float, int]]:
    """(start, value, end) of each run of number words in ``tokens``."""
    i = 0
    while i < len(tokens):
        if tokens[i] in NUMBER_WORDS:
            value, end = _number_run(tokens, i)
            yield i, value, end
            i = end
        else:
            i += 1


def _joins(tokens: list[str], at: int) -> bool:
    """Whether the joining word at ``at`` is inside one number: after hundreds or thousands
    ("one hundred and twenty"), or between tens and a unit ("vingt et un", "treinta y
    cinco"); "between two and five" is two numbers."""
    before, after = tokens[at - 1], tokens[at + 1 : at + 2]
    unit = (NUMBER_WORDS.get(after[0]) or ONE_INSIDE.get(after[0])) if after else None
    if unit is None:
        return False
    if before in MULTIPLIERS or before in SCALES:
        return True
    tens = NUMBER_WORDS.get(before, 0)
    return tens in range(20, 100, 10) and 1 <= unit <= 9


def _number_run(tokens: list[str], start: int) -> tuple[float, int]:
    """The value of the number words from ``start`` on, and where they end: units and tens
    add up, hundreds and dozens multiply what stands before them, thousands and millions
    close a group."""
    total = current = 0.0
    end = start
    while end < len(tokens):
        word = tokens[end]
        if word in TWENTIES and end > start and tokens[end - 1] == "quatre":
            current += 80 - 4  # quatre-vingts
        elif word in MULTIPLIERS and end > start:
            current = (current or 1) * MULTIPLIERS[word]
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in ONE_INSIDE and end > start and tokens[end - 1] in NUMBER_JOINERS:
            current += ONE_INSIDE[word]
        elif word in SCALES and end > start:
            total, current = total + (current or 1) * SCALES[word], 0.0
        elif not (word in NUMBER_JOINERS and end > start and _joins(tokens, end)):
            break
        end += 1
    return total + current, end


def values_differ(a: float, b: float) -> bool:
    return abs(a - b) > RELATIVE_TOLERANCE * max(abs(a), abs(b))


def figures_disagree(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` both give figures of one unit ("12 people", "31 people"), and
    neither gives the other's anywhere (as "rose by 235,000 in August" gives "235,000
    jobs"): whatever else they share, they do not say the same thing."""
    qa, qb = extract_quantities(a), extract_quantities(b)
    for unit in {q.unit for q in qa} & {q.unit for q in qb} - {""}:
        xs = [q.value for q in qa if q.unit == unit]
        ys = [q.value for q in qb if q.unit == unit]
        if not any(value_given(x, qb) for x in xs) and not any(value_given(y, qa) for y in ys):
            return True
    return False


def value_given(value: float, quantities: list[Quantity]) -> bool:
    """Whether one of ``quantities`` has ``value`` (within ``RELATIVE_TOLERANCE``)."""
    return any(not values_differ(value, q.value) for q in quantities)


def numbers_mentioned(sentence: str) -> list[float]:
    """Every number ``sentence`` writes, in digits or in words, whatever it counts or names
    (years, days, ranks and times included): a figure the other sentence mentions in any
    form is not one it contradicts ("58 days" and "the 58th day")."""
    found = [q.value for q in extract_quantities(sentence)]
    found += [q.value for q in extract_quantities(sentence, year_like=True)]
    for match in _NUMBER.finditer(sentence):
        try:
            found.append(parse_number(match.group(1)))
        except ValueError:
            continue
    return found + [value for _, value, _ in _runs(words(sentence))]
