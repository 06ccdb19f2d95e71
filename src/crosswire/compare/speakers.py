"""Who said a quotation: the name a speech verb ("said", "told", "according to", "a déclaré",
"dijo", "sagte" …) ties to it, before or after the verb, in the sentences the quotation spans;
a name set off by commas before the verb ("the Republican leader, Michael Thibodeau, said"), or
after a job ("said the party's leader in the Senate, Justin Alfond"); else the subject of the
quotation's sentence when a speech verb follows it ("Schumer … pledged his support, tweeting:
…"). A pronoun or a description ("he said", "the congressman said") stands for the person the
sentences before are about: going back, the first sentence whose subject is a named person
(``antecedent``); a person is also named by the last name alone once named in full
(``person_mentions``). Nobody is named where the text names nobody ("a White House official
said").

A *name* is a run of capitalised words (with the links names hold: "de", "van", "al", initials,
"Jr."), titles ("Sen.", "Mr.", "President") left off, that is not a weekday, a month, or an
institution ("White House", "Senate"): a person, as far as capitals tell.
"""

from __future__ import annotations

import regex

from crosswire.text.words import words

# speech verbs, as the word before or after the speaker (lower case; several words allowed)
SPEECH_VERBS = (
    # en
    "said says say added adds told tells stated states wrote writes explained explains noted "
    "notes argued argues asked asks continued continues responded replied replies insisted "
    "insists warned warns declared declares announced announces tweeted tweets claimed claims "
    "acknowledged acknowledges recalled recalls concluded concludes remarked testified "
    "posited quipped admitted admits conceded concedes countered counters emphasized "
    "stressed stresses cautioned urged urges predicted predicts vowed vows promised "
    "promises observed complained complains suggested suggests maintained maintains "
    "explained saying adding telling writing noting arguing asking warning declaring "
    "insisting claiming tweeting vowing urging promising pledging announcing declaring stating "
    "explaining exclaimed interjected summarized called calling informed described describing "
    # es, pt
    "dijo dice afirmó afirma declaró declara señaló señala explicó explica aseguró asegura "
    "añadió añade agregó indicó indica advirtió sostuvo subrayó disse diz afirmou declarou "
    "explicou acrescentou ressaltou "
    # fr (the participle after "a", "a-t-il")
    "dit déclaré affirmé expliqué ajouté estimé souligné indiqué précisé affirme explique "
    "estime souligne ajoute indique précise déclare "
    # it
    "detto dichiarato affermato spiegato aggiunto sottolineato dice spiega afferma "
    "aggiunge sottolinea "
    # de
    "sagte sagt erklärte erklärt betonte betont fügte sagten schrieb schreibt meinte meint"
).split()
_VERBS = "|".join(sorted(set(SPEECH_VERBS), key=len, reverse=True))
_SPEECH_SET = frozenset(SPEECH_VERBS)
ACCORDING = r"(?:[Aa]ccording to|selon|según|secondo|segundo|laut|zufolge)"
# a verb's auxiliaries and adverbs between a name and the verb: "has said", "later told"
_AUX = (
    r"(?:(?:has|had|have|also|later|then|once|previously|again|a|ha|hat|habe|a-t-il|a-t-elle)"
    r"\s+){0,2}"
)

TITLES = frozenset(
    "mr mrs ms dr prof sen senator rep representative gov governor president pres vice "
    "secretary minister prime chancellor judge justice gen general adm admiral col colonel "
    "capt captain lt sgt rev pope king queen prince princess mayor speaker leader chairman "
    "chairwoman chair director commissioner ambassador attorney sheriff chief officer "
    "spokesman spokeswoman spokesperson deputy former acting state house senate u.s us "
    "m mme mlle sr sra don doña herr frau dott sig signor".split()
)
# capitalised words that name nobody: days, months, the words that open a sentence
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december today tonight yesterday "
    "feb apr jun jul aug sep sept oct nov dec "
    "the a an in on at for by from with after before during since later however meanwhile "
    "but and he she they it we i you his her their this that these those there when while "
    "if as one two three several many some all both then no "
    # plural nouns that open a sentence: "Critics say …" names a group, not a person
    "critics officials analysts experts supporters opponents residents witnesses "
    "prosecutors lawmakers democrats republicans".split()
)
# places named alone are no person: "Kansas and Iowa complained"
PLACES = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
    "michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon "
    "pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming "
    "america britain china russia france germany israel iran iraq mexico canada".split()
)
_PLACE_PARTS = frozenset(
    "new north south west east rhode hampshire jersey york carolina dakota".split()
)
# words of institutions: a speaker, but not the person a later "he" stands for
INSTITUTIONS = frozenset(
    "house senate congress republicans democrats party committee department ministry "
    "administration government court police news times post fox cnn reuters ap twitter "
    "campaign office council bank agency union states nations university".split()
)
# the last word of a run of capitals that names a thing, not a person ("George Washington
# Bridge", "Conservative Political Action Conference", "American Revolution")
THINGS = frozenset(
    "bridge conference revolution society group association foundation institute center "
    "centre street avenue square park airport station hospital school college church club "
    "journal network radio television tv act amendment law bill day war project program "
    "fund company inc corp industry order affairs security service services force army navy "
    "guard republican democrat democratic independent county city state river island "
    "mountains valley coast newsroom magazine press review show award prize league team "
    "movement caucus tea".split()
)
PERSON_TITLES = frozenset(
    "mr mrs ms dr prof sen senator rep representative gov governor president judge justice "
    "gen general adm admiral col colonel capt captain lt sgt rev mayor speaker secretary "
    "minister chancellor ambassador m mme mlle sr sra herr frau".split()
)
PRONOUNS = frozenset(
    "he she they him her il elle ils elles él ella ellos ellas er sie lui lei egli ela ele".split()
)
# a word ends in a full stop only as an abbreviation or initial ("Mr.", "Sen.", "H.", "Jr."):
# "Monday. Mayor Lena Koss" is two runs of capitals, not one
_WORD = r"(?:\p{Lu}\p{Ll}{0,3}\.(?=\s+\p{Lu})|\p{Lu}\.|\p{Lu}[\p{L}'’\-]*)"
_LINK = r"(?:of|for|de|da|do|dos|del|della|di|du|des|la|le|van|von|der|den|al|el|bin|ibn|ben|y)"
# (the words of a name are on one line: a headline without a full stop, "Beck Wows the CPAC
# Crowd", and the sentence below it, "Glenn Beck, the hero of …", are two runs)
_NAME = rf"(?:{_WORD}(?:[^\S\n]+(?:{_LINK}[^\S\n]+)?{_WORD}){{0,8}})"
_NAME_RUN = regex.compile(_NAME)
# "said senior adviser David Axelrod": a few lower-case words between the verb and the name
# lower-case words between a verb and a name: "senior adviser", "the former" (no preposition:
# "wrote on Twitter", "said, according to AFP" name no speaker there)
# (nor a verb: "says there is … across Greece" names no speaker after "says")
_FILLER = (
    r"(?!(?:on|in|at|to|for|with|by|from|during|of|that|after|before|about|across|into|over|"
    r"under|through|around|near|against|toward|towards|within|among|between|is|are|was|were|"
    r"has|have|had|be|been|there|en|sur|à|de|por|para|con|su|auf|im|mit)\b)[\p{Ll}\-]+"
)
# after "told" or "asked" comes the listener: "…," Tove Lind told Harbour Radio
_AFTER_VERBS = "|".join(
    v
    for v in sorted(set(SPEECH_VERBS), key=len, reverse=True)
    # (after "called", "described" or "informed" comes who or what is spoken of)
    if not v.startswith(("tel", "tol", "ask", "call", "descri", "inform"))
)
_AFTER = regex.compile(
    rf"\b(?:{_AFTER_VERBS})[,:]?\s+(?:{_FILLER}\s+){{0,3}}?({_NAME})"
    rf"(?=\s*(?:[,.;:!?()\"“”»]|$|\s(?:in|on|at|during|of|from|to|after|before|when|while|"
    rf"who|about|last|this|late|early|on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    rf"Sunday)))(?!\s+\p{{Lu}})"
)
# "Ines Aro, whose brother was aboard, told …", "Mr. Amash said", "Tom Cole, an Oklahoma
# Republican, said"
# (a day or an adverb may stand between: "Mr. Obama on Thursday said", "Ms. Lee later told")
_WHEN = (
    r"(?:\s+(?:on|late|early|last)\s+\p{Lu}\p{Ll}+(?:\s+(?:night|morning|evening))?|\s+\p{Ll}+ly)?"
)
_BRACKET = r"(?:\s*\([^()]{1,40}\))?"
# (not a participle: in "Trump distanced himself from Matthew Whitaker, his choice for the
# post, saying …" the one saying is the sentence's subject)
_FINITE = "|".join(
    v for v in sorted(set(SPEECH_VERBS), key=len, reverse=True) if not v.endswith("ing")
)
# (a name begins a run of capitals: in "on You Tube, Blumenthal, … says" not "Tube")
_BEFORE = regex.compile(
    rf"(?<!(?:\p{{Lu}}[\p{{L}}'’\-]*|\p{{Lu}}\p{{Ll}}{{0,3}}\.)\s)({_NAME}){_BRACKET}(?:(?:\s*,\s*[^,\"“”«»]{{2,90}}){{1,3}},)?{_WHEN}\s+{_AUX}(?:{_FINITE})\b"
)
# "the Republican leader, Michael Thibodeau, said": a person's name set off by commas just
# before the verb (tried first: the words before it describe that person)
_APPOSITION = regex.compile(rf",\s+({_NAME}){_BRACKET},{_WHEN}\s+{_AUX}(?:{_FINITE})\b")
# "said the Democratic leader of the Senate, Justin Alfond": the person after a role
_AFTER_ROLE = regex.compile(
    rf"\b(?:{_AFTER_VERBS})\s+(?!(?:in|on|at|to|for|with|by|from|during|after|before|about|"
    rf"when|while|as|that)\b)[^,.;\"“”«»]{{3,80}},\s+({_NAME})\s*(?:[,.;]|$)"
)
# "said Indeed Hiring Lab director of research Nick Bunker": a person after the verb, past an
# organisation and the words of a job
_AFTER_JOB = regex.compile(
    rf"\b(?:{_AFTER_VERBS})[,:]?\s+{_NAME}\s+(?:[\p{{Ll}}\-]+\s+){{1,4}}({_NAME})\s*(?:[,.;]|$)"
)
# "Sen. Lindsey Graham: ..." - a name and a colon open the sentence the quotation is in
_HEADED = regex.compile(rf"^\s*({_NAME}){_BRACKET}:\s")
_ACCORDING = regex.compile(rf"\b{ACCORDING}\s+(?:{_FILLER}\s+){{0,3}}?({_NAME})")
_PRONOUN_VERB = regex.compile(
    rf"\b({'|'.join(sorted(PRONOUNS, key=len, reverse=True))})\s+{_AUX}(?:{_VERBS})\b"
    rf"|\b(?:{_VERBS})\s+({'|'.join(sorted(PRONOUNS, key=len, reverse=True))})\b",
    regex.IGNORECASE,
)


def clean_name(raw: str, part: int = -1) -> str | None:
    """``raw`` without the words that name nobody around it ("The", "Monday", a speech verb
    opening a sentence: "Saying President Obama …, he said", "Added Gibbs: …"); None when
    nothing but those, titles and links is left. Titles stay: "Captain Mara Lind". A run
    that holds a sentence's end ("Bush. Mayor Lena Koss") gives its ``part`` (the last: the
    name before a verb; 0: the name after one)."""
    tokens = raw.replace("’s", "").replace("'s", "").split()
    parts: list[list[str]] = [[]]
    for k, token in enumerate(tokens):
        parts[-1].append(token)
        bare = token.rstrip(".").casefold()
        ends = token.endswith(".") and len(bare) > 1 and bare not in TITLES | {"jr", "sr"}
        if ends and k < len(tokens) - 1:
            parts.append([])
    tokens = parts[part]
    # "The", and a verb that opens a sentence: "Saying President Obama", "Added Gibbs"
    while tokens and (tokens[0].casefold() in NOT_NAMES or tokens[0].casefold() in _SPEECH_SET):
        tokens.pop(0)
    while tokens and tokens[-1].casefold().rstrip(".,") in NOT_NAMES:
        tokens.pop()
    if not tokens or any(t.casefold().rstrip(".,") in NOT_NAMES for t in tokens):
        return None
    if all(t.casefold().rstrip(".") in TITLES or t.islower() for t in tokens):
        return None  # "President", "Sen."
    name = " ".join(tokens).rstrip(",")
    name = name[:-1] if name.endswith(".") and not _INITIAL_END.search(name) else name
    if regex.fullmatch(r"(?:\p{Lu}\.\s?)+", name):
        return None  # "N.H.", "D.C.": an abbreviation, not a name
    if all(t.casefold() in _DESCRIBING for t in name.split()):
        return None  # "Democrat", "Republican": what someone is, not who
    return name if len(name) > 1 else None


_DESCRIBING = frozenset("democrat democrats republican republicans".split())
# a full stop that is part of the name: "Jr.", "H." (else it ends the sentence)
_INITIAL_END = regex.compile(r"(?:\b\p{Lu}|Jr|Sr)\.$")


# "the" before a run of capitals makes it a thing or a place ("the Brooklyn, N.Y., chapter",
# "The New Haven Register"), unless a person's title is in it ("the Rev. Al Sharpton")
_THE_BEFORE = regex.compile(r"\b[Tt]he\s+$")


def a_person(name: str, before: str) -> bool:
    """Whether ``name``, found after the text ``before``, may be a person's: not after "the"
    without a title, not a place alone, not ending in a thing ("The 14th Amendment")."""
    if before[-1:].isalnum():
        return False  # the tail of a word: "AACP" of "the NAACP"
    bare = [t.casefold().rstrip(".,") for t in name.split()]
    if any(t in PERSON_TITLES for t in bare[:-1]):
        return True  # "the union President Ada Lind", "The Rev. Tom Vale"
    if bare[0] == "the" or _THE_BEFORE.search(before[-12:]):
        return False
    if " ".join(bare) in PLACES or all(t in _PLACE_PARTS or t in PLACES for t in bare):
        return False
    return bare[-1] not in THINGS


def speaker_in(text: str) -> str | None:
    """The speaker a speech verb names in ``text`` (the quotation's sentences, the
    quotation itself left out), or None; "he" / "she" give None here (``pronoun_speaks``)."""
    for found in _APPOSITION.finditer(text):
        if found.group(1) in people_in(found.group(1)):
            return found.group(1)
    for pattern in (_AFTER_JOB, _AFTER_ROLE):
        for found in pattern.finditer(text):
            if _PREPOSITION.search(text[: found.start(1)][-8:]):
                continue  # "said Representative Ana Ruiz of New York": a place
            if found.group(1) in people_in(found.group(1)):
                return found.group(1)
    for pattern in (_AFTER, _BEFORE, _ACCORDING):
        # (overlapping: a name after a preposition that is no person's is a place or a thing,
        # "on You Tube, Blumenthal, … says", "the mayor of Mesa, who …, said"; the next one
        # may be the speaker)
        for found in pattern.finditer(text, overlapped=pattern is _BEFORE):
            after_preposition = (
                _PREPOSITION.search(text[: found.start(1)][-8:])
                or found.group(1).split()[0].casefold() in _PREPOSITIONS  # "In Varn, …"
            )
            if pattern is _BEFORE and after_preposition and not people_in(found.group(1)):
                continue
            name = clean_name(found.group(1), -1 if pattern is _BEFORE else 0)
            if name and a_person(found.group(1), text[: found.start(1)]):
                return name
    return None


def headed_by(before: str) -> str | None:
    """The name that heads a quotation with a colon ("Sen. Lindsey Graham: “…”"), where
    ``before`` is what precedes the quotation in its sentence."""
    found = _HEADED.match(before)
    return clean_name(found.group(1)) if found else None


def pronoun_speaks(text: str) -> str | None:
    """The pronoun that is the subject of a speech verb in ``text`` ("he said", "said she"),
    case-folded, or None."""
    found = _PRONOUN_VERB.search(text)
    return (found.group(1) or found.group(2)).casefold() if found else None


_HIS = frozenset("he il él er lui egli ele".split())
_HERS = frozenset("she elle ella lei ela".split())
_MEN = frozenset("mr m sr herr signor sig".split())
_WOMEN = frozenset("ms mrs mme mlle sra frau signora".split())


def agrees(pronoun: str, name: str) -> bool:
    """Whether ``name``'s title does not contradict the pronoun ("she" is not "Mr. Obama")."""
    title = name.split()[0].casefold().rstrip(".")
    if pronoun in _HIS:
        return title not in _WOMEN
    if pronoun in _HERS:
        return title not in _MEN
    return True


# a name after one is not a sentence's subject
_PREPOSITIONS = frozenset(
    "of in from to at on by with for about into de en à di aus nach auf mit".split()
)
_PREPOSITION = regex.compile(rf"\b(?:{'|'.join(sorted(_PREPOSITIONS))})\s+$")
_PLACE_BEFORE = regex.compile(r"\b(?:of|in|from|to|at|de|en|à|di|in|aus|nach)\s+$")


def people_in(text: str) -> list[str]:
    """Names of people in ``text``, in order: a name after a person's title ("Mr. Akin",
    "Sen. Ana Ruiz"), or two or three capitalised words without a link ("of") whose last
    word names no thing or institution ("Todd Akin", not "George Washington Bridge")."""
    out = []
    for found in _NAME_RUN.finditer(text):
        raw = found.group()
        if _PLACE_BEFORE.search(text[max(0, found.start() - 6) : found.start()]):
            continue  # "of California", "in Puerto Rico": a place
        name = clean_name(raw)
        if not name or not a_person(raw, text[: found.start()]):
            continue
        tokens = name.split()
        bare = [t.casefold().rstrip(".,") for t in tokens]
        if bare[0] in PERSON_TITLES and len(tokens) >= 2:
            out.append(name)
        elif (
            2 <= len(tokens) <= 3
            and not any(t in INSTITUTIONS or t in THINGS for t in bare)
            and not any(t.islower() for t in tokens)
        ):
            out.append(name)
    return out


def same_person(short: str, full: str) -> bool:
    """Whether ``short`` ("Akin", "Mr. Akin") names the person ``full`` ("Todd Akin") does."""
    a, b = set(short.casefold().split()), set(full.casefold().split())
    return bool(a & b)


# a person referred to by what they are ("the congressman", "the former vice president"): a
# later "he" goes on past it, as it goes on past another "he"
DESCRIPTIONS = frozenset(
    "congressman congresswoman lawmaker senator governor president leader speaker chairman "
    "chairwoman secretary justice judge mayor candidate nominee minister spokesman "
    "spokeswoman democrat republican".split()
)
_CAPITAL_WORD = regex.compile(r"\p{Lu}[\p{L}'’\-]+")
_POSSESSIVE = regex.compile(r"^['’]s\b")
SUBJECT_WORDS = 10  # a sentence's subject stands in its first words ("In that interview, he …")


def person_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, name) of every person ``text`` mentions, in order: the names ``people_in``
    finds, the person after a title in a longer run of capitals ("Israeli Prime Minister
    Benjamin Netanyahu"), and later mentions of one of them by the last name alone ("Farenthold
    reflected"). A name followed by "'s" is not a mention ("Donald Trump's vice president")."""
    found: list[tuple[int, int, str]] = []
    for run in _NAME_RUN.finditer(text):
        if _POSSESSIVE.match(text[run.end() :]) or run.group().endswith(("'s", "’s")):
            continue
        names = people_in(text[max(0, run.start() - 6) : run.end()])
        tokens = run.group().split()
        titled = [k for k, t in enumerate(tokens) if t.casefold().rstrip(".") in TITLES]
        if not names and titled and 1 <= len(tokens) - titled[-1] - 1 <= 3:
            names = people_in(" ".join(tokens[titled[-1] :]))
        if names:
            # where the name begins: past a participle that opens the run ("Saying
            # President Obama, he said, …": the name is its object, ``_is_subject``)
            start = run.start() + max(0, run.group().find(names[-1]))
            found.append((start, run.end(), names[-1]))
    surnames = {name.split()[-1].casefold(): name for *_, name in found}
    for word in _CAPITAL_WORD.finditer(text):
        inside = any(a <= word.start() < b for a, b, _ in found)
        bare = word.group().removesuffix("'s").removesuffix("’s")
        if inside or bare != word.group() or _POSSESSIVE.match(text[word.end() :]):
            continue
        if bare.casefold() in surnames:
            found.append((word.start(), word.end(), bare))
    return sorted((a, name) for a, _, name in found)


def antecedent(sentences: list[str], pronoun: str) -> str | None:
    """The person a pronoun (or a description: "the governor said") stands for, where
    ``sentences`` are the text before it, one sentence each, quotations blanked: going back
    sentence by sentence, the subject of the first one whose subject is a named person (a
    sentence led by a pronoun or a description goes on the same person); in a sentence
    without a subject, its first person named. A headline left in the text is passed over, and
    so is a name the pronoun cannot stand for ("he" and "Ms. Koss")."""
    everything = "\n".join(sentences)  # one line each: a name does not run on into the next
    mentions = person_mentions(everything)
    end = len(everything)
    for sentence in reversed(sentences):
        start = end - len(sentence)
        own = [(at - start, name) for at, name in mentions if start <= at < end]
        end = start - 1
        if headline(sentence):
            continue  # "Beck Wows the CPAC Crowd": a title, not a sentence with a subject
        first_name = own[0] if own else None
        leading = _leading_reference(words(sentence))
        if first_name and _is_subject(sentence, first_name[0], leading):
            if agrees(pronoun, first_name[1]):
                return first_name[1]
            continue
        if leading is not None:
            continue
        for _, name in own:
            if agrees(pronoun, name):
                return name
    return None


def _leading_reference(tokens: list[str]) -> int | None:
    """Where a pronoun or a description ("the governor", "the former vice president") stands
    among a sentence's first words, if one does."""
    for k, token in enumerate(tokens[:SUBJECT_WORDS]):
        if token in PRONOUNS:
            return k
        if token in DESCRIPTIONS and "the" in tokens[max(0, k - 3) : k]:
            return k
    return None


def _is_subject(sentence: str, at: int, leading: int | None) -> bool:
    """Whether the name at ``at`` stands in the sentence's first words, before any pronoun or
    description there (``leading``)."""
    preceding = words(sentence[:at])
    k = len(preceding)
    if k == 1 and preceding[0].endswith("ing") and preceding[0] != "during":
        return False  # the object of a participle: "Saying President Obama, he said, was …"
    return k < SUBJECT_WORDS and (leading is None or k < leading)


_SENTENCE_END = regex.compile(r"[.!?:;\"'”’»)…]\s*$")


def headline(text: str) -> bool:
    """Whether ``text`` is a title left in an article's text: no full stop at its end and
    every word of four letters or more capitalised ("Beck Wows the CPAC Crowd")."""
    if _SENTENCE_END.search(text):
        return False
    long_words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


_DESCRIBED = regex.compile(
    rf"\bthe\s+(?:[\p{{Ll}}\-]+\s+){{0,2}}(?:{'|'.join(sorted(DESCRIPTIONS))})\s+{_AUX}"
    rf"(?:{_VERBS})\b",
    regex.IGNORECASE,
)


def described_speaks(text: str) -> bool:
    """Whether the subject of a speech verb in ``text`` is a description: "the four-term
    congressman said", "the president wrote"."""
    return bool(_DESCRIBED.search(text))


def clause_speaker(before: list[str], own: str) -> str | None:
    """The speaker of a quotation that no verb next to a name attributes: the subject of its
    sentence (``own``: its words before the quotation) when a speech verb follows it there
    ("Schumer, near the time of his announcement, pledged his support, tweeting: …"); a
    pronoun or a description as the subject stands for ``antecedent``'s person (``before``:
    the sentences before, one each)."""
    tokens = words(own)
    verbs = [k for k, t in enumerate(tokens) if t in _SPEECH_SET]
    if not verbs:
        return None
    leading = _leading_reference(tokens)
    mentions = person_mentions("\n".join([*before, own]))
    offset = len("\n".join(before)) + 1 if before else 0
    for at, name in mentions:
        if at >= offset and _is_subject(own, at - offset, leading):
            return name if len(words(own[: at - offset])) < verbs[-1] else None
    if leading is not None and leading < verbs[-1]:
        return antecedent(before, tokens[leading])
    return None
