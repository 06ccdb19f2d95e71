"""Word lists for the comparison, by language (en, fr, de, es, ar). Entries are word
prefixes matched against case-folded words ("=" before an entry: the whole word only, so that
"tue" is not "Tuesday" nor "mort" "mortgage"); multi-word entries against the whole
sentence."""

from __future__ import annotations

CLASSES: dict[str, dict[str, tuple[str, ...]]] = {
    "casualty": {
        "killed": (
            "killed",
            "kill",
            "=dead",
            "deadly",
            "died",
            "=dies",
            "death",
            "fatal",
            "lost their lives",
            "tué",
            "=tue",
            "=tues",
            "morts",
            "=mort",
            "=morte",
            "décéd",
            "coûté la vie",
            "getötet",
            "=tot",
            "=tote",
            "=toten",
            "starb",
            "ums leben",
            "gestorben",
            "murier",
            "muert",
            "fallec",
            "قتل",
            "مقتل",
            "قتلى",
            "مصرع",
            "توفي",
            "حتفه",
        ),
        "injured": (
            "injur",
            "wounded",
            "hurt",
            "survived",
            "blessé",
            "blesse",
            "blessure",
            "verletz",
            "verwundet",
            "herid",
            "lesionad",
            "أصيب",
            "إصاب",
            "جرحى",
            "جريح",
            "مصاب",
        ),
    },
    "stance": {
        "confirmed": ("confirm", "bestätig", "أكد"),
        "denied": (
            "denied",
            "denies",
            "deny",
            "démenti",
            "dément",
            "nié",
            "nie ",
            "dementiert",
            "bestritt",
            "bestreit",
            "negó",
            "niega",
            "desmint",
            "نفى",
            "نفت",
            "ينفي",
        ),
    },
    "direction": {
        "up": ("raised", "raises", "rose", "increased", "hiked", "augment", "erhöht", "subió"),
        "down": (
            "cut ",
            "cuts",
            "lowered",
            "reduced",
            "fell",
            "decreased",
            "baiss",
            "senkt",
            "bajó",
            "redujo",
        ),
        "unchanged": ("unchanged", "held steady", "inchangé", "unverändert", "sin cambios"),
    },
}

NEGATIONS = frozenset(
    "no not none never without nobody neither n't aucun aucune personne kein keine keiner "
    "nicht niemand ningún ninguno ninguna nadie sin لم لا دون".split()
)

NUMBER_WORDS: dict[str, float] = {
    # en
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    # fr
    # not "un", "une": the article ("une opération") far more often than the count; not
    # "seize" (16), an English verb ("to seize the boats")
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
    # de
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "zwölf": 12,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
    # es
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "cien": 100,
    # ar
    "اثنان": 2,
    "جنديان": 2,
    "ثلاثة": 3,
    "ثلاث": 3,
    "أربعة": 4,
    "خمسة": 5,
    "ستة": 6,
    "سبعة": 7,
    "ثمانية": 8,
    "تسعة": 9,
    "عشرة": 10,
    "عشر": 10,  # of the teens: "خمسة عشر", five (and) ten
    "مائة": 100,
    "مئة": 100,
}
# Number words that multiply what stands before them ("two hundred", "deux cents", "two
# dozen"); their plurals count only after a number ("cents" alone is money, "hundreds of"
# is vague).
MULTIPLIERS: dict[str, float] = {
    "hundred": 100,
    "cent": 100,
    "cents": 100,
    "hundert": 100,
    "cien": 100,
    "cientos": 100,
    "مائة": 100,
    "مئة": 100,
    "dozen": 12,
}
# Counts of an outlet's own sources ("four officials familiar with the talks said"):
# another outlet's three sources are no disagreement about the event.
SOURCE_UNITS = frozenset("official source person people diplomat aide lawmaker officer".split())
SOURCE_VERBS = frozenset("familiar said say says told tell speaking briefed".split())
# Units of a duration written in two parts ("three years, four months": 40 months)
YEAR_UNITS = frozenset(("year", "an", "ans", "año", "jahr", "jahre"))
MONTH_UNITS = frozenset(("month", "mois", "mese", "monat", "monate"))
# "quatre-vingts" is four twenties, 80 ("quatre-vingt-dix", 90)
TWENTIES = frozenset(("vingt", "vingts"))
# "un", "une" count only inside a number, after its joining word ("vingt et un")
ONE_INSIDE = {"un": 1, "une": 1}
# joining words inside one number ("one hundred and twenty")
NUMBER_JOINERS = frozenset(("and", "et", "und", "y"))

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "billón": 1e12,
    "billones": 1e12,
    "mille": 1e3,
    "milliard": 1e9,
    "milliards": 1e9,
    "millón": 1e6,
    "millones": 1e6,
    "mil": 1e3,
    "millionen": 1e6,
    "milliarden": 1e9,
    "tausend": 1e3,
    "ألف": 1e3,
    "آلاف": 1e3,
    "مليون": 1e6,
    "ملايين": 1e6,
    "مليار": 1e9,
}

PERCENT = ("%", "percent", "per cent", "pour cent", "por ciento", "prozent", "بالمئة", "في المئة")


def classes_in(category: str, text: str) -> set[str]:
    """The classes of ``category`` whose words occur in ``text``."""
    folded = " " + text.casefold() + " "
    tokens = folded.split()
    found = set()
    for name, entries in CLASSES[category].items():
        for entry in entries:
            if entry.startswith("="):
                if any(t.strip(".,;:!?\"'()«»“”") == entry[1:] for t in tokens):
                    found.add(name)
            elif " " in entry.strip() or entry.endswith(" "):
                if entry in folded:
                    found.add(name)
            elif any(t.strip(".,;:!?\"'()«»“”").startswith(entry) for t in tokens):
                found.add(name)
    return found


def negated(words: list[str]) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in words)
