"""Feed dates in the forms feeds really use, in the languages crosswire reads.

RSS asks for RFC 822 dates in English, but feeds write their day and month names in their own
language ("mer, 16 nov 2022", "Seg, 24 Set 2018", "Di, 3 Mär 2020"), put the month first
("Sat, Dec 16 2023 02:02:33 PM"), use a 12-hour clock, or put RFC 822 dates in JSON Feed.
``parse_date`` reads all of these: weekday names are dropped, month names of every language
become English, and the rest is read as RFC 822, ISO 8601 or a month-day-year date.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone

# month names and abbreviations (accents stripped, lower case) -> month number
_MONTH_NAMES: dict[int, str] = {
    1: "january jan janvier janv januar jaenner janner enero ene gennaio gen janeiro januari "
    "jänner stycznia styczen ledna leden ocak",
    2: "february feb fevrier fevr fev februar febrero febbraio fevereiro fev februari "
    "lutego luty unora unor subat",
    3: "march mar mars marz maerz marzo marco maart marca marzec brezna brezen mart",
    4: "april apr avril avr abril abr aprile apr kwietnia kwiecien dubna duben nisan",
    5: "may mai mayo maggio mag maio mei maja maj kvetna kveten mayis",
    6: "june jun juin juni junio giugno giu junho czerwca czerwiec cervna cerven haziran",
    7: "july jul juillet juil juli julio luglio lug julho lipca lipiec cervence cervenec temmuz",
    8: "august aug aout augusto agosto ago augustus sierpnia sierpien srpna srpen agustos",
    9: "september sep sept septembre septiembre settembre set setembro sett wrzesnia "
    "wrzesien zari eylul",
    10: "october oct octobre oktober okt octubre oct ottobre ott outubro out "
    "pazdziernika pazdziernik rijna rijen ekim",
    11: "november nov novembre noviembre novembro listopada listopad listopadu kasim",
    12: "december dec decembre dez dezember diciembre dic dicembre dezembro desember "
    "grudnia grudzien prosince prosinec aralik",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

WEEKDAYS = frozenset(
    # en, fr, de, es, it, pt, nl, pl, cs, tr (full and abbreviated, accents stripped)
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat "
    "sunday sun lundi lun mardi mar mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim "
    "montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sa sonntag so "
    "lunes martes miercoles mie jueves jue viernes vie sabado sab domingo dom "
    "lunedi martedi mercoledi giovedi gio venerdi sabato "
    "segunda seg terca ter quarta qua quinta qui sexta sex feira "
    "maandag ma dinsdag woensdag wo donderdag vrijdag vr zaterdag za zondag zo "
    "poniedzialek pon wtorek wt sroda sr czwartek czw piatek pt sobota sob niedziela niedz nd "
    "pondeli po utery ut streda st ctvrtek ct patek pa "
    "pazartesi pzt sali carsamba persembe cuma cumartesi pazar".split()
)

# time-zone names feeds use; anything else unknown is read as UTC
ZONES = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "CET": 60, "CEST": 120,
    "MEZ": 60, "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "IST": 330, "JST": 540,
    "AEST": 600, "AEDT": 660, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
    "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480,
    "HST": -600, "BRT": -180, "ART": -180,
}  # fmt: skip

_WORD = re.compile(r"[^\W\d_]+\.?", re.UNICODE)
_TIME = re.compile(
    r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(a\.?m\.?|p\.?m\.?)?(?![\w])", re.I
)
_OFFSET = re.compile(r"(?<!\w)([+-])(\d{2}):?(\d{2})(?!\d)")
_FILLERS = frozenset("de del di le the of at um a las alle t h".split())
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_date(text: str | None, *, utc: bool = True) -> datetime | None:
    """The instant ``text`` names, in aware UTC (in the offset it was written with when
    ``utc`` is false); None when it is no date (or an impossible one). A date without a time
    is midnight UTC of that day; without a zone, UTC."""
    if not text or not isinstance(text, str):
        return None
    raw = " ".join(text.split())
    if not raw or len(raw) > 80:
        return None
    if _ISO.match(raw):
        iso = _iso(raw)
        if iso is not None:
            return iso.astimezone(UTC) if utc else iso
    named = _named(raw)
    return named.astimezone(UTC) if named is not None and utc else named


def _iso(raw: str) -> datetime | None:
    value = raw.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", raw) else raw
    value = re.sub(r"Z$", "+00:00", value)
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().rstrip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _named(raw: str) -> datetime | None:
    """Day, month name or number, year, time, zone — in whatever order RFC 822 or habit
    puts them."""
    zone_minutes: int | None = None
    hour = minute = second = 0
    rest = raw
    clock = _TIME.search(raw)
    if clock:
        hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        meridiem = (clock.group(4) or "").lower().replace(".", "")
        if meridiem:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        tail = raw[clock.end() :]
        offset = _OFFSET.search(tail)
        if offset:
            sign = -1 if offset.group(1) == "-" else 1
            zone_minutes = sign * (int(offset.group(2)) * 60 + int(offset.group(3)))
            tail = tail[: offset.start()] + " " + tail[offset.end() :]
        rest = raw[: clock.start()] + " " + tail
    month = None
    for match in _WORD.finditer(rest):
        word = match.group(0).rstrip(".")
        folded = _fold(word)
        if (
            month is None
            and folded in MONTHS
            and not (folded in WEEKDAYS and _is_weekday(rest, match))
        ):
            month = MONTHS[folded]
        elif folded in WEEKDAYS or folded in MONTHS or folded in _FILLERS:
            continue
        elif word.upper() in ZONES:
            if zone_minutes is None:
                zone_minutes = ZONES[word.upper()]
        else:
            return None  # a word that is no part of a date
    numbers = [int(n) for n in re.findall(r"\d+", _WORD.sub(" ", rest))]
    if month is not None and len(numbers) == 2:
        year, day = numbers if numbers[0] > 31 else numbers[::-1]
    elif month is None and len(numbers) == 3:  # 16/12/2023, 2023-12-16, 12/16/2023
        a, b, c = numbers
        year, month, day = (a, b, c) if a > 31 else (c, b, a)
        if month > 12 and day <= 12:
            month, day = day, month
    else:
        return None
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        when = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if not clock:
        return when.replace(tzinfo=UTC)
    return when.replace(tzinfo=timezone(timedelta(minutes=zone_minutes or 0)))


def _is_weekday(raw: str, match: re.Match[str]) -> bool:
    """ "mar" is Tuesday in French and March in English: a weekday where a comma follows it
    or it opens the date."""
    after = raw[match.end() : match.end() + 1]
    return match.start() == 0 or after == ","
