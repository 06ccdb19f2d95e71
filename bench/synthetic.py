"""Synthetic article streams whose stories are known, for benchmarks (no third-party text).

The stream is shaped like a news feed, not like a test fixture:

- **Events, day after day.** About ``events_per_day`` new events a day (300: a few hundred),
  each starting at a random time of its day. An event's size follows a heavy tail: about
  45 % are reported once, most others by 2-6 reports, a few by dozens (at most
  ``max_reports``); about 3.4 reports per event, so ~1,000 articles a day.
- **Reports spread over 1-3 days.** The first report comes within two hours of the event,
  the others over its span (1-3 days, most of them early); the stream is in date order and
  only the next three days of reports are held in memory, so it runs to millions of
  articles in bounded memory.
- **Vocabulary of the event's own.** Every event gets new person names, sometimes a new
  place, its figures (a count that a later report may update), two to four keywords of its
  own and the weekday it happened on; it may also involve a few of the recurring people,
  places and organisations (Zipf-popular, as a head of state is in many events) and belongs
  to one of a dozen subjects (politics, weather ...) with their own words. The rest of the
  text is function words and a shared content vocabulary drawn with Zipf frequencies, so
  popular words appear in most articles of every event.
- **Several languages.** Events happen in English (60 %), French, German or Spanish; one
  report in ten is in another of these languages than the event's (names and figures stay,
  words change). Outlets write in one language.
- **Wire copies.** One later report in twelve is another outlet's copy of an earlier report
  of its event with a few words changed (what the dedup stage looks for).

Every word is invented from syllables or is a common function word written here; no
dataset text is used. The same ``seed`` gives the same stream, and the first ``n`` articles
of a longer stream are the ``n``-article stream (sizes compare as prefixes of one stream).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

DAY = 86_400.0
LANGUAGES = (("en", 0.60), ("fr", 0.15), ("de", 0.15), ("es", 0.10))
SUBJECTS = 12
SHARED_WORDS = 20_000  # content words every subject uses, per language (Zipf)
SUBJECT_WORDS = 150  # words of one subject, per language (Zipf)
RECURRING = {"person": 3_000, "place": 800, "org": 300}  # entities many events share

FUNCTION = {
    "en": "the of and to a in that is for on was with as by at it from be have this are "
    "has an not but were which their after had been more would who will its also they "
    "over about than into when other some there could new two can last first since while "
    "before during where under between such however because against still",
    "fr": "le la les de des du un une et en au aux pour par sur dans est qui que ne pas "
    "il elle ont été avait sont cette ces leur plus mais avec selon après avant depuis "
    "entre contre encore aussi deux comme lors dont tout sans sous",
    "de": "der die das den dem des ein eine und ist im zu mit von auf für nicht sich es "
    "wurde wurden hat haben nach bei auch aus noch wie vor seit über unter zwei gegen "
    "sowie dieser diese einem einer sein seine ihre nur während",
    "es": "el la los las de del y en un una por con para es se al lo como más que su sus "
    "fue han ha sido según tras ante desde entre sobre también dos pero sin durante "
    "este esta cuando donde",
}
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
}
# How each language says "on <weekday>", "in <place>" and "said" (lead sentences).
LEAD = {
    "en": ("on", "in", "said"),
    "fr": ("le", "à", "a déclaré"),
    "de": ("am", "in", "sagte"),
    "es": ("el", "en", "dijo"),
}
# The head of each language's shared vocabulary: common news words, written here (the rest is
# invented). bench/web_latency.py searches for the first English ones.
COMMON = {
    "en": "officials residents measures said government report week people year city police "
    "minister country state group public plan security court health local national company "
    "support workers members leaders",
    "fr": "responsables habitants mesures gouvernement rapport semaine personnes année ville "
    "police ministre pays état groupe public plan sécurité justice santé",
    "de": "behörden bewohner maßnahmen regierung bericht woche menschen jahr stadt polizei "
    "minister land staat gruppe öffentlich plan sicherheit gericht gesundheit",
    "es": "autoridades vecinos medidas gobierno informe semana personas año ciudad policía "
    "ministro país estado grupo público plan seguridad tribunal salud",
}
# Outlets: the domains bench/web_latency.py registers (outlet1 .. outlet40.example), each
# writing in one language.
OUTLETS = {"en": range(1, 25), "fr": range(25, 31), "de": range(31, 37), "es": range(37, 41)}
# Syllables: invented words of one language sound alike, of two languages differ.
ONSETS = {
    "en": "b br c ch d f g gr h k l m n p pl r s sh st t th tr w",
    "fr": "b bl c ch d f g gr j l m n p pr r s t tr v",
    "de": "b br d f g gr h k kl l m n p pf r sch st t tr w z",
    "es": "b c ch d f g j l ll m n p r s t v",
}
NUCLEI = {
    "en": "a e i o u ea oo ai",
    "fr": "a e i o ou eau ai é",
    "de": "a e i o u ei au ie",
    "es": "a e i o u ia ue io",
}
CODAS = {
    "en": ["", "", "n", "t", "ck", "nd", "rt", "ll", "sh"],
    "fr": ["", "", "n", "t", "lle", "re", "que", "s"],
    "de": ["", "", "n", "t", "ck", "nd", "rg", "ch", "tz"],
    "es": ["", "", "n", "s", "r", "l", "do", "ra"],
}
NAME_SYLLABLES = [c + v for c in "bdfgkklmmnprsstvz" for v in "aeiou"]  # names: any language


@dataclass(frozen=True)
class StreamShape:
    events_per_day: float = 300.0
    singleton_share: float = 0.45
    size_exponent: float = 2.2  # P(size = k) ~ k^-exponent for the events reported twice+
    max_reports: int = 60
    copy_share: float = 0.08
    foreign_share: float = 0.10
    words: tuple[int, int] = (150, 350)  # body length range, in words
    start: datetime = datetime(2026, 1, 1, tzinfo=UTC)


def _zipf_cumulative(count: int, exponent: float, offset: int) -> list[float]:
    """Zipf-Mandelbrot weights: rank r (from 1) drawn in proportion to 1 / (r + offset)^s."""
    ranks = range(1, count + 1)
    return list(itertools.accumulate(1.0 / (rank + offset) ** exponent for rank in ranks))


class _Pool:
    """Words drawn with Zipf frequencies."""

    def __init__(self, words: Sequence[str], exponent: float = 1.05, offset: int = 0) -> None:
        self.words = list(words)
        self.cumulative = _zipf_cumulative(len(self.words), exponent, offset)

    def draw(self, rng: random.Random, k: int = 1) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def one(self, rng: random.Random) -> str:
        total = self.cumulative[-1]
        return self.words[bisect.bisect(self.cumulative, rng.random() * total)]


def _invent(rng: random.Random, language: str, syllables: int) -> str:
    onsets, nuclei = ONSETS[language].split(), NUCLEI[language].split()
    word = "".join(rng.choice(onsets) + rng.choice(nuclei) for _ in range(syllables))
    return word + rng.choice(CODAS[language])


def _name(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(NAME_SYLLABLES) for _ in range(rng.randint(low, high))).capitalize()


def _vocabulary(rng: random.Random, language: str, count: int, lengths: tuple[int, int]) -> list:
    seen: set[str] = set()
    words: list[str] = []
    while len(words) < count:
        word = _invent(rng, language, rng.randint(*lengths))
        if word not in seen and len(word) > 2:
            seen.add(word)
            words.append(word)
    return words


class _Lexicon:
    """The words of the whole stream (generated once from the seed)."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.function = {lang: _Pool(FUNCTION[lang].split(), 0.8) for lang, _ in LANGUAGES}
        self.shared = {
            # content words come after the function words in a language's ranks
            lang: _Pool(
                COMMON[lang].split() + _vocabulary(rng, lang, SHARED_WORDS, (1, 3)), offset=20
            )
            for lang, _ in LANGUAGES
        }
        self.subjects = {
            lang: [
                _Pool(_vocabulary(rng, lang, SUBJECT_WORDS, (2, 3)), 0.9) for _ in range(SUBJECTS)
            ]
            for lang, _ in LANGUAGES
        }
        self.recurring = {
            kind: _Pool([_name(rng) for _ in range(count)], 1.0)
            for kind, count in RECURRING.items()
        }
        # organisations are acronyms
        self.recurring["org"] = _Pool(
            ["".join(rng.choice("ABCDEFGHKLMNPRSTUV") for _ in range(3)) for _ in range(300)],
            1.0,
        )


@dataclass
class _Event:
    number: int
    start: float  # seconds since the stream's start
    language: str
    subject: int
    people: list[str]
    places: list[str]
    orgs: list[str]
    keywords: dict[str, list[str]]  # per language
    figures: list[int]
    reports: int
    emitted: int = 0
    texts: list[tuple[str, str, str]] = field(default_factory=list)  # (lang, title, text)


def _event_size(rng: random.Random, shape: StreamShape, cumulative: list[float]) -> int:
    if rng.random() < shape.singleton_share:
        return 1
    return 2 + bisect.bisect(cumulative, rng.random() * cumulative[-1])


def _new_event(
    rng: random.Random, lexicon: _Lexicon, shape: StreamShape, number: int, start: float, sizes
) -> _Event:
    language = rng.choices([lang for lang, _ in LANGUAGES], [w for _, w in LANGUAGES])[0]
    people = [_name(rng) + " " + _name(rng) for _ in range(rng.randint(1, 3))]
    people += lexicon.recurring["person"].draw(rng, rng.randint(0, 2))
    places = [_name(rng, 2, 4) for _ in range(1 if rng.random() < 0.6 else 0)]
    places += lexicon.recurring["place"].draw(rng, rng.randint(0 if places else 1, 1))
    orgs = lexicon.recurring["org"].draw(rng, rng.randint(0, 2))
    # a keyword is one concept, spelled in each language (cognates: one seed per concept)
    keywords: dict[str, list[str]] = {lang: [] for lang, _ in LANGUAGES}
    for _ in range(rng.randint(2, 4)):
        concept = rng.getrandbits(48)
        for lang in keywords:
            keywords[lang].append(_invent(random.Random(concept), lang, 3))
    figures = [
        rng.choice([rng.randint(2, 99), rng.randint(100, 9_999), rng.randint(10_000, 900_000)])
        for _ in range(rng.randint(1, 3))
    ]
    return _Event(
        number=number,
        start=start,
        language=language,
        subject=rng.randrange(SUBJECTS),
        people=people,
        places=places,
        orgs=orgs,
        keywords=keywords,
        figures=figures,
        reports=_event_size(rng, shape, sizes),
    )


def _report_offsets(rng: random.Random, size: int) -> list[float]:
    """Seconds after the event: the first within two hours, the rest over its 1-3 days."""
    span = rng.uniform(1.0, 3.0) * DAY
    rest = [min(span, rng.expovariate(3.0 / span)) for _ in range(size - 1)]
    return [rng.uniform(0, 7_200)] + sorted(rest)


class _Writer:
    """Builds one report's headline and body from its event and the lexicon."""

    def __init__(self, lexicon: _Lexicon, shape: StreamShape, start: datetime) -> None:
        self.lexicon, self.shape, self.start = lexicon, shape, start

    def _filler(self, rng: random.Random, lang: str, subject: int, k: int) -> list[str]:
        lex = self.lexicon
        kinds = rng.choices((0, 1, 2), (0.45, 0.43, 0.12), k=k)
        pools = (lex.function[lang], lex.shared[lang], lex.subjects[lang][subject])
        return [pools[kind].one(rng) for kind in kinds]

    def _facts(self, rng: random.Random, event: _Event, lang: str, late: bool) -> list[str]:
        facts = [p for p in event.people if rng.random() < 0.8] or event.people[:1]
        facts += [p for p in event.places if rng.random() < 0.8] or event.places[:1]
        facts += [o for o in event.orgs if rng.random() < 0.5]
        facts += [k for k in event.keywords[lang] if rng.random() < 0.75]
        figures = [f for f in event.figures if rng.random() < 0.6]
        if late and figures and rng.random() < 0.3:  # an updated count
            figures[0] += rng.randint(1, max(1, figures[0] // 5))
        return facts + [f"{f:,}" if lang == "en" else str(f) for f in figures]

    def write(self, rng: random.Random, event: _Event, lang: str, when: float) -> tuple[str, str]:
        late = when - event.start > DAY / 2
        facts = self._facts(rng, event, lang, late)
        on, in_, said = LEAD[lang]
        day = (self.start + timedelta(seconds=event.start)).weekday()
        weekday = WEEKDAYS[lang].split()[day]
        place = event.places[0]
        headline = rng.sample(facts, min(len(facts), rng.randint(2, 4)))
        title = " ".join(headline + self._filler(rng, lang, event.subject, rng.randint(2, 5)))
        sentences = [
            f"{event.people[0]} {said} {on} {weekday} {in_} {place} "
            + " ".join(self._filler(rng, lang, event.subject, rng.randint(6, 12)) + facts[:3])
        ]
        length = rng.randint(*self.shape.words)
        words = sum(len(s.split()) for s in sentences)
        while words < length:
            body = self._filler(rng, lang, event.subject, rng.randint(8, 22))
            if rng.random() < 0.45:  # a sentence about the event itself
                for fact in rng.sample(facts, min(len(facts), rng.randint(1, 3))):
                    body.insert(rng.randrange(len(body) + 1), fact)
            body[0] = body[0][:1].upper() + body[0][1:]
            sentences.append(" ".join(body))
            words += len(body)
        return title[:1].upper() + title[1:], ". ".join(sentences) + "."


def _copy_of(rng: random.Random, title: str, text: str) -> tuple[str, str]:
    words = text.split()
    for _ in range(max(1, len(words) // 40)):  # a few words changed or dropped
        i = rng.randrange(len(words))
        if rng.random() < 0.5:
            del words[i]
        else:
            words[i] = words[rng.randrange(len(words))]
    return title, " ".join(words)


def articles(n: int, seed: int = 7, shape: StreamShape | None = None) -> Iterator[dict]:
    """``n`` article records in the dataset layout (``id``, ``story``, ``lang``, ``date``,
    ``source``, ``url``, ``title``, ``text``), in date order."""
    shape = shape or StreamShape()
    rng = random.Random(seed)
    lexicon = _Lexicon(seed)
    writer = _Writer(lexicon, shape, shape.start)
    sizes = list(
        itertools.accumulate(k**-shape.size_exponent for k in range(2, shape.max_reports + 1))
    )
    outlets = {
        lang: _Pool([f"outlet{k}.example" for k in OUTLETS[lang]], 0.9) for lang, _ in LANGUAGES
    }
    others = {lang: [o for o, _ in LANGUAGES if o != lang] for lang, _ in LANGUAGES}
    pending: list[tuple[float, int, int, _Event]] = []  # (when, event, report, event)
    emitted = 0
    events = itertools.count()
    for day in itertools.count():
        for _ in range(_poisson(rng, shape.events_per_day)):
            number = next(events)
            event = _new_event(rng, lexicon, shape, number, (day + rng.random()) * DAY, sizes)
            for k, offset in enumerate(_report_offsets(rng, event.reports)):
                heapq.heappush(pending, (event.start + offset, number, k, event))
        # every report dated before the next day is known now: later events come later
        while pending and pending[0][0] < (day + 1) * DAY:
            when, number, k, event = heapq.heappop(pending)
            lang = event.language
            if k and rng.random() < shape.foreign_share:
                lang = rng.choice(others[lang])
            if event.texts and rng.random() < shape.copy_share:
                lang, title, text = rng.choice(event.texts)
                title, text = _copy_of(rng, title, text)
            else:
                title, text = writer.write(rng, event, lang, when)
                event.texts.append((lang, title, text))
            event.emitted += 1
            if event.emitted == event.reports:
                event.texts.clear()  # its memory goes with its last report
            source = outlets[lang].one(rng)
            yield {
                "id": f"syn-{emitted}",
                "story": f"e{number}",
                "lang": lang,
                "date": (shape.start + timedelta(seconds=when)).isoformat(),
                "source": source,
                "url": f"https://{source}/{number}/{emitted}",
                "title": title,
                "text": text,
            }
            emitted += 1
            if emitted >= n:
                return


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count (normal approximation: ``mean`` is in the hundreds)."""
    return max(0, round(rng.gauss(mean, mean**0.5)))


def write_jsonl(path: Path, n: int, **kw) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in articles(n, **kw):
            handle.write(json.dumps(record) + "\n")
    return path
