"""The speaker of a quotation in Arabic: the name after a speech verb or "according to".

Arabic news puts the verb first ("قال بيلهام", Bilham said; "وقال لورانس جرينسبون محامي
خواجة", said Lawrence Greenspon, Khawaja's lawyer) or attributes with "according to" ("حسب
ثورن لاي ،", "وفقا لوزير لندن"). Arabic writes no capitals, so the name is read as the words
after the verb up to a comma, a full stop, a colon, a quotation mark or the word that opens
what was said ("إن", "أن": that), at most ``MAX_WORDS`` of them. A description alone is no
name: one or two words that open with an office or a source ("مسؤول أمريكي", a US official;
"وزير لندن", London's minister; "مصادر أمنية", security sources), or an office "for" someone
("متحدث باسم بكين", a Beijing spokesman), name nobody, while "الرئيس التنفيذي توماس اندرز"
names the chief executive.
"""

from __future__ import annotations

import regex

MAX_WORDS = 5
# speech verbs with their "and"/"so" prefixes, in both genders; "according to" in its spellings
_VERBS = (
    r"[وف]?(?:قال|قالت|أكد|أكدت|اكد|اكدت|أضاف|أضافت|اضاف|اضافت|أوضح|أوضحت|اوضح|اوضحت|صرح"
    r"|صرحت|ذكر|ذكرت|أفاد|أفادت|افاد|افادت|أعلن|أعلنت|اعلن|اعلنت|تابع|تابعت)"
    r"|(?:و?ب?حسب(?:\s*ما\s+(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت))?|و?وفقا|و?وفقاً|و?طبقا|حسبما)"
)
_WORD = r"[\p{Arabic}\p{M}]+"
# a space or two between words: a longer run is a quotation blanked out, not crossed
_SPEAKS = regex.compile(
    rf"(?<![\p{{L}}])(?:{_VERBS})[ ]{{1,2}}((?:{_WORD})(?:[ ]{{1,2}}{_WORD}){{0,{MAX_WORDS + 2}}})"
)
_ACCORDING = regex.compile(r"و?(?:وفق|طبق)")
# words that end the name: "that" (what was said follows), prepositions, "on" a day
_STOP = frozenset(
    "إن أن ان انه إنه أنه إنها أنها انها بأن بان في على عن من إلى الى مع يوم خلال أمس امس "
    "اليوم لـ قد لقد وفقا وفقاً حسب بحسب حسبما بأنه بانه بأن عنه أيضا ايضا كذلك بعد ذلك لاحقا "
    "يقول تقول للصحفيين".split()
)
# offices and sources: a name follows them or nobody is named
_ROLES = frozenset(
    "مسؤول مسؤولون مسئول مصدر مصادر المصدر المصادر متحدث المتحدث المتحدثة متحدثة وزير الوزير "
    "وزيرة الوزيرة رئيس الرئيس مدير المدير الشرطة الجيش الحكومة بيان البيان تقرير التقرير "
    "خبراء الخبراء شهود مراسل مسؤولين مسؤولي الوكالة وكالة الصحيفة صحيفة المسؤول المسؤولة "
    "الناطق ناطق الناطقة القنصل السفير السفيرة نسخة وثيقة الوثيقة السلطات الموظفون "
    "المسؤولون".split()
)
# "told" a news agency, a paper, a channel (who was told, not who spoke); "according to
# what" the statement said
_TOLD = frozenset(
    "لوكالة لصحيفة لقناة لشبكة لإذاعة لاذاعة لراديو لتلفزيون للتلفزيون للصحفيين لمراسل ما".split()
)


def arabic_speaker(text: str) -> str | None:
    """The name a speech verb of ``text`` (its quotations blanked) gives, or None."""
    for match in _SPEAKS.finditer(text):
        taken: list[str] = []
        for word in match.group(1).split():
            if word in _STOP:
                break
            taken.append(word)
            if len(taken) == MAX_WORDS:
                break
        if taken and taken[0].startswith("ل") and _ACCORDING.match(match.group(0)):
            taken[0] = taken[0][1:]  # "وفقا لوزير": according to the minister
        if (
            not taken
            or taken[0] in _TOLD
            or (taken[0] in _ROLES and (len(taken) <= 2 or taken[1] == "باسم"))
        ):
            continue  # an office and no name: "القنصل الايراني", "متحدث باسم بكين"
        return " ".join(taken)
    return None
