"""The speaker of a quotation in Arabic: the name after a speech verb or "according to".

Arabic news puts the verb first ("قال خوري", Khoury said; "وقال سامي خوري محامي
النادي", said Sami Khoury, the club's lawyer) or attributes with "according to" ("حسب
ليلى حداد ،", "وفقا لوزير المالية"). Arabic writes no capitals, so a name is read by what it is
not: the words after the verb, up to a comma, a full stop, a colon, a quotation mark or a word
that is no name, are a name when they are one to ``MAX_WORDS`` words of which none opens with
the definite article "ال", none is an office, an institution, a kinship or a place, and none is
an adverb ("قائلا", saying). An office may stand before the name with its complements ("الرئيس
التنفيذي رامي عون", "رئيس بلدية المدينة الساحلية رامي عون"); after the name it ends it
("سامي خوري رئيس النادي": Sami Khoury). A description alone is no name ("مسؤول أمريكي", a US
official; "وزير الخارجية"), nor a source ("وزارة الدفاع", the ministry; "جريدة",
"تقارير وكالة", a paper, an agency's reports), a country ("ايران") or a word such as
"others". Precision first: a span that is not plainly a name names nobody.
"""

from __future__ import annotations

import regex

MAX_WORDS = 4  # words of a name
_SPAN = 12  # words read after the verb: an office, its complements and the name
# speech verbs with their "and"/"so" prefixes, in both genders; "according to" in its spellings
_VERBS = (
    r"[وف]?(?:قال|قالت|أكد|أكدت|اكد|اكدت|أضاف|أضافت|اضاف|اضافت|أوضح|أوضحت|اوضح|اوضحت|صرح"
    r"|صرحت|ذكر|ذكرت|أفاد|أفادت|افاد|افادت|أعلن|أعلنت|اعلن|اعلنت|تابع|تابعت)"
    r"|(?:و?ب?حسب(?:\s*ما\s+(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت))?|و?وفقا|و?وفقاً|و?طبقا|حسبما)"
)
_WORD = r"[\p{Arabic}\p{M}]+"
# a space or two between words: a longer run is a quotation blanked out, not crossed
_SPEAKS = regex.compile(
    rf"(?<![\p{{L}}])(?:{_VERBS})[ ]{{1,2}}((?:{_WORD})(?:[ ]{{1,2}}{_WORD}){{0,{_SPAN - 1}}})"
)
_ACCORDING = regex.compile(r"و?(?:وفق|طبق|ب?حسب)")
# words that end the name: "that" (what was said follows), "who", prepositions, "on" a day
_STOP = frozenset(
    "إن أن ان انه إنه أنه إنها أنها انها بأن بان في على عن من إلى الى مع يوم خلال أمس امس "
    "اليوم لـ قد لقد وفقا وفقاً حسب بحسب حسبما بأنه بانه بأن عنه أيضا ايضا كذلك بعد ذلك لاحقا "
    "يقول تقول للصحفيين باسم الذي التي الذين وهو وهي هو هي احد أحد إحدى احدى لرويترز".split()
)
# offices a name may follow ("الرئيس التنفيذي رامي عون") and that end a name before them
_OFFICES = frozenset(
    "وزير الوزير وزيرة الوزيرة رئيس الرئيس رئيسة الرئيسة مدير المدير مديرة المديرة سكرتير "
    "السكرتير نائب النائب أمين الأمين امين الامين المتحدث المتحدثة الناطق الناطقة القنصل "
    "السفير السفيرة السيناتور النائبة الكولونيل العقيد اللواء الجنرال العميد الرائد النقيب "
    "الأدميرال الادميرال الاميرال الأميرال الملك الأمير الامير الشيخ محامي محامية أستاذ استاذ "
    "مستشار المستشار قائد القائد حاكم الحاكم عمدة العمدة زعيم الزعيم".split()
)
# what follows an office before the name: "رئيس وزراء الدولة", "رئيس بلدية"
_OFFICE_OF = frozenset("وزراء بلدية مجلس وزارة دولة جمهورية حكومة حزب لجنة شركة".split())
# descriptions, sources and institutions: nobody is named ("مسؤول أمريكي", "وزارة الدفاع")
_NOBODY = frozenset(
    "مسؤول مسؤولون مسئول مصدر مصادر متحدث متحدثة ناطق خبراء خبير شهود شاهد مراسل مسؤولين "
    "مسؤولي بيان تقرير تقارير نسخة وثيقة وزارة هيئة جريدة صحيفة وكالة مركز منظمة شركة لجنة "
    "مجلس حكومة قناة شبكة إذاعة اذاعة موقع مكتب جامعة معهد محكمة برلمان سلطات قوات جيش "
    "آخرون اخرون آخرين اخرين بعض كثيرون عدد مسؤولو".split()
)
# kinship and adverbs ("قائلا", saying; "راسخا", firmly): never a name, and a name ends there
_NOT_NAMES = frozenset(
    "عم عمه عمة عمته خال خاله خالة خالته والد والده والدة والدته ابن ابنه ابنة ابنته "
    "أخ أخو شقيق شقيقه شقيقة شقيقته زوج زوجه زوجة زوجته جد جده جدة جدته "
    "قائلا مضيفا مؤكدا موضحا مشيرا راسخا مجددا "
    "أيضاً ايضاً".split()
)
# countries and capitals that speak for their governments ("قالت ايران")
_PLACES = frozenset(
    "ايران إيران بريطانيا روسيا فرنسا ألمانيا المانيا إسرائيل اسرائيل سوريا تركيا مصر لبنان "
    "امريكا أمريكا واشنطن لندن موسكو بكين طهران باريس برلين دمشق القاهرة بغداد كابول".split()
)
# "told" a news agency, a paper, a channel (who was told, not who spoke); "according to
# what" the statement said
_TOLD = frozenset(
    "لوكالة لصحيفة لقناة لشبكة لإذاعة لاذاعة لراديو لتلفزيون للتلفزيون للصحفيين لمراسل ما".split()
)


def _described(word: str) -> bool:
    """A word of a description, not of a name: it opens with "ال" or is an office."""
    return word in _OFFICES or word in _OFFICE_OF or word.startswith(("ال", "وال"))


def _name_in(span: list[str]) -> str | None:
    """The name ``span`` (the words after a speech verb) opens with, an office before it
    kept; None when it opens with anything else or its name runs past ``MAX_WORDS``."""
    head = 0
    if span[0] in _OFFICES:
        while head < len(span) and _described(span[head]):
            head += 1
    name = []
    for word in span[head:]:
        if word in _STOP or word in _NOT_NAMES or word in _TOLD or _described(word):
            break
        if word in _NOBODY or word in _PLACES:
            return None
        name.append(word)
    if not name or len(name) > MAX_WORDS:
        return None
    if head == 0 and (span[0] in _NOT_NAMES or _described(span[0])):
        return None
    if head == 1 and not span[0].startswith("ال") and len(name) == 1:
        return None  # "مدير أمريكي": an office and an adjective, no name
    return " ".join(span[: head + len(name)])


def _subjects(text: str, at: int | None) -> list[list[str]]:
    """The words after each speech verb of ``text`` that has a subject, in the order they
    are read: with ``at`` (where the quotation stood), the verbs before it nearest first,
    then those after it. A verb that "said" the quotation itself ("وقالت «…»", she said),
    or whose subject is "that" or who was told, has none of its own."""
    found = list(_SPEAKS.finditer(text))
    if at is not None:
        found = [m for m in found if m.start() < at][::-1] + [m for m in found if m.start() >= at]
    out = []
    for match in found:
        if at is not None and match.start() < at <= match.start(1):
            continue
        span = match.group(1).split()
        if span[0].startswith("ل") and _ACCORDING.match(match.group(0)):
            span[0] = span[0][1:]  # "وفقا لوزير": according to the minister
        if span[0] not in _TOLD and span[0] not in _STOP:
            out.append(span)
    return out


def arabic_speaks(text: str, at: int | None = None) -> bool:
    """Whether a speech verb of ``text`` has a subject, named or not ("قالت ايران")."""
    return bool(_subjects(text, at))


def arabic_speaker(text: str, at: int | None = None) -> str | None:
    """The name a speech verb of ``text`` (its quotations blanked) gives, or None. With
    ``at`` (where the quotation stood), the verb nearest before it is read first: in
    "قال أ ... ، في حين قالت جدته ، «…»" the grandmother spoke, and no name is given."""
    spans = _subjects(text, at)
    if not spans:
        return None
    span = spans[0]
    if span[0] in _NOBODY or span[0] in _PLACES or span[0] in _NOT_NAMES:
        return None  # "قالت وزارة الدفاع", "قالت ايران": nobody named
    return _name_in(span)
