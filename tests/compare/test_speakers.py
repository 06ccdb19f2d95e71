"""Quotes with their speakers: speech verbs before or after the name, "according to", titles
and asides, a pronoun that stands for the nearest person named before it, a quotation that
goes on in the next sentence, and nobody where the text names nobody. Own sentences."""

from __future__ import annotations

import pytest

from crosswire.compare.quotes import collect_quotes
from crosswire.compare.speakers import clean_name, people_in, speaker_in
from crosswire.text.sentences import Sentence
from crosswire.text.words import split_sentences, words


def quotes_of(text: str, source: str = "a.example", language: str = "en") -> list[dict]:
    sentences = [
        Sentence(t, 1, source, language, k, words(t)) for k, t in enumerate(split_sentences(text))
    ]
    return collect_quotes(sentences, reader_language=language)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The levee will hold through the night," Sen. Ana Ruiz said.', "Sen. Ana Ruiz"),
        ('"The levee will hold through the night," said senior engineer Tom Varga.', "Tom Varga"),
        (
            '"The levee will hold through the night," Representative Tom Cole, a Republican '
            "from the valley, said on Sunday.",
            "Representative Tom Cole",
        ),
        ('"The levee will hold through the night," Mr. Obrist said Sunday night.', "Mr. Obrist"),
        (
            'Mayor Lena Koss on Tuesday said, "the levee will hold through the night."',
            "Mayor Lena Koss",
        ),
        (
            'The levee "will hold through the night and beyond," according to engineer Tom Varga.',
            "Tom Varga",
        ),
        ('"The levee will hold through the night," Koss told Valley Radio.', "Koss"),
        ('"La digue tiendra toute la nuit," a déclaré Lena Koss.', "Lena Koss"),
        ('"El dique resistirá toda la noche," dijo Lena Koss.', "Lena Koss"),
        ('"Der Deich wird die ganze Nacht halten," sagte Lena Koss.', "Lena Koss"),
        # no name: a day, a listener, a description
        ('"The levee will hold through the night," said Sunday.', None),
        ('"The levee will hold through the night," a town official told Valley Radio.', None),
        ('"The levee will hold through the night," officials said Tuesday.', None),
    ],
)
def test_the_speaker_is_named_before_or_after_the_verb(text, speaker):
    [quote] = quotes_of(text)
    assert quote["speaker"] == speaker


def test_a_pronoun_stands_for_the_nearest_person_named_before_it():
    text = (
        "Mr. Tom Varga inspected the levee on Monday. Ms. Lena Koss met residents in the "
        'school hall. "We will not leave anyone behind tonight," she said. '
        '"The pumps have been running since noon," he added. Mayor Ivo Brandt visited the '
        'pumps. "They will run all week," he said.'
    )
    quotes = {q["quote"]: q["speaker"] for q in quotes_of(text)}
    assert quotes["We will not leave anyone behind tonight,"] == "Ms. Lena Koss"
    # "he" cannot be "Ms. Koss": the nearest person before her whom it can stand for
    assert quotes["The pumps have been running since noon,"] == "Mr. Tom Varga"
    assert quotes["They will run all week,"] == "Mayor Ivo Brandt"


def test_a_pronoun_does_not_take_a_place_or_an_institution():
    text = (
        "The council of Puerto Velo met in Valley City on Monday. "
        '"We will rebuild the bridge before winter," he said.'
    )
    [quote] = quotes_of(text)
    assert quote["speaker"] is None


def test_a_quotation_that_goes_on_keeps_its_speaker():
    text = (
        '"The water came up in minutes," Lena Koss said. "We carried the children to the '
        'church roof and waited there until the boats came."'
    )
    quotes = quotes_of(text)
    assert [q["speaker"] for q in quotes] == ["Lena Koss", "Lena Koss"]


def test_an_unattributed_quote_after_other_text_stays_unnamed():
    text = (
        '"The water came up in minutes," Lena Koss said. The river fell by a metre overnight. '
        '"We carried the children to the church roof and waited for the boats."'
    )
    quotes = quotes_of(text)
    assert quotes[-1]["speaker"] is None


def test_one_quote_is_shown_once_with_all_its_outlets():
    one = '"We carried the children to the church roof," Lena Koss said on Monday.'
    other = 'Lena Koss told reporters: "We carried the children to the church roof."'
    sentences = [
        Sentence(one, 1, "a.example", "en", 0, words(one)),
        Sentence(other, 2, "b.example", "en", 0, words(other)),
    ]
    [quote] = collect_quotes(sentences, reader_language="en")
    assert quote["sources"] == ["a.example", "b.example"]
    assert quote["speaker"] == "Lena Koss"


def test_names_and_people():
    assert clean_name("The") is None
    assert clean_name("President") is None
    assert clean_name("Captain Mara Lind.") == "Captain Mara Lind"
    assert clean_name("Duncan Hunter Jr.") == "Duncan Hunter Jr."
    assert people_in("Engineer Tom Varga met Mayor Lena Koss in Valley City.") == [
        "Engineer Tom Varga",
        "Mayor Lena Koss",
    ]
    assert speaker_in("the statement said") is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of the sentence, with a speech verb before the quotation
        (
            "Gov. Ana Ruiz visited the levee. Ruiz, near the end of the tour, thanked the "
            'crews, tweeting: "The pumps held and the town is dry tonight."',
            "Ruiz",
        ),
        (
            "Mayor Ivo Brandt spoke on Monday. Brandt gave a long speech on Friday, vowing to "
            '"rebuild every house the river took."',
            "Brandt",
        ),
        # a person's name set off by commas just before the verb, after their job
        (
            '"The levee held through the night," the county engineer, Tom Varga, said.',
            "Tom Varga",
        ),
        (
            '"The levee held through the night," said the deputy head of the county works, '
            "Tom Varga.",
            "Tom Varga",
        ),
        (
            '"The levee held through the night," said Valley Works chief engineer Tom Varga.',
            "Tom Varga",
        ),
        ('Sen. Ana Ruiz: "The levee held through the night and the pumps too."', "Sen. Ana Ruiz"),
        ('"The levee held through the night," Sen. Ana Ruiz (D-Vt.) said.', "Sen. Ana Ruiz"),
    ],
)
def test_the_speaker_of_a_quotation_no_verb_next_to_a_name_attributes(text, speaker):
    quotes = quotes_of(text)
    assert quotes[-1]["speaker"] == speaker


def test_a_pronoun_goes_back_to_the_subject_a_last_name_alone_names():
    text = (
        "Rep. Tom Varga met Ms. Lena Koss at the levee. Varga later spoke to reporters about "
        "Koss and the pumps. He said the levee was safe. "
        '"The pumps have been running since noon," he said.'
    )
    [quote] = quotes_of(text)
    # the subject of the sentences before, not the last person named (Koss)
    assert quote["speaker"] == "Varga"


def test_a_description_stands_for_the_person_named_before():
    text = (
        "Rep. Tom Varga toured the levee on Monday. "
        '"The pumps have been running since noon," the four-term congressman said.'
    )
    [quote] = quotes_of(text)
    assert quote["speaker"] == "Rep. Tom Varga"


def test_no_speaker_from_what_a_verb_speaks_of_nor_an_abbreviation():
    # after "described" comes who is spoken of; "N.H." is a place's abbreviation
    [one] = quotes_of('The aide described Ivo Brandt as "the best engineer the valley has had."')
    assert one["speaker"] is None
    [two] = quotes_of(
        'In a speech in Concord, N.H., on Monday, the crowd chanted "rebuild the levee now."'
    )
    assert two["speaker"] != "H."


def test_a_quotation_goes_on_after_a_short_one_keeps_its_speaker():
    text = (
        '"Stop lying!" Mr. Fox wrote on Monday. '
        '"The levee is not yours to play with, show some respect."'
    )
    quotes = quotes_of(text)
    assert quotes[-1]["speaker"] == "Mr. Fox"


def test_a_headline_left_in_the_text_is_not_the_person_a_pronoun_stands_for():
    # the title line has no full stop: its capitals do not run on into the next sentence
    text = (
        "Koss Stuns the Harbour Crowd\n\n"
        "Lena Koss, the mayor of the town, opened the new harbour on Sunday.\n\n"
        "But she warned the fishermen that the pier was not finished.\n\n"
        "“We will rebuild the pier before the winter storms,” she said."
    )
    [quote] = quotes_of(text)
    assert quote["speaker"] == "Lena Koss"


def test_a_name_after_an_opening_participle_is_not_the_subject():
    text = (
        "Tom Varga spoke to the harbour workers on Sunday. "
        "Blaming Governor Ana Ruiz, he said, was “too simple an answer to the flooding.” "
        "“We have to fix the levee ourselves this year,” he said."
    )
    assert [q["speaker"] for q in quotes_of(text)] == ["Tom Varga", "Tom Varga"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Saying "the levee will hold through the night," Koss left.', None),
        ('Added Koss: "The levee will hold through the night and beyond."', "Koss"),
        # a long run of capitals (place, office, title) before the name is read to its end
        (
            '"The levee will hold through the night," said Harbour Valley Port Authority '
            "Director Lena Koss.",
            "Harbour Valley Port Authority Director Lena Koss",
        ),
        # an initial before a bracket: the name goes on past it
        (
            '"The levee will hold through the night," said Senator Tom J. Varga (D-Vt.).',
            "Senator Tom J. Varga",
        ),
    ],
)
def test_a_speech_verb_opening_a_sentence_and_long_titles(text, speaker):
    [quote] = quotes_of(text)
    assert quote["speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # two asides between the name and the verb
        (
            'Sen. Ana Ruiz, D-VT, who chairs the water panel, said Tuesday, "The levee will '
            'hold through the night."',
            "Sen. Ana Ruiz",
        ),
        # a place after "of" is not the speaker, before the verb or after it
        (
            "One candidate, Lena Koss, the mayor of Harbourton, who grew up there, said the "
            'plan "leaves the lower town without a levee."',
            "Lena Koss",
        ),
        (
            '"The levee will hold through the night," said Representative Ana Ruiz of New York.',
            "Representative Ana Ruiz of New York",
        ),
        # the words after the verb are no job title: "says there is … across" a place
        (
            'But Professor Ana Ruiz says there is "a deep sense of injustice in the valley" '
            "across Harbourton.",
            "Professor Ana Ruiz",
        ),
        # a name after "on" is a thing; the name set off by commas after it is the speaker
        (
            'In a clip posted on Valley Radio, Koss, speaking to the crowd, clearly says, "The '
            'levee will hold through the night."',
            "Koss",
        ),
    ],
)
def test_asides_and_places_between_the_name_and_the_verb(text, speaker):
    [quote] = quotes_of(text)
    assert quote["speaker"] == speaker


def test_clean_name_drops_a_verb_that_opens_the_run():
    assert clean_name("Saying President Ana Ruiz") == "President Ana Ruiz"
    assert clean_name("Added Koss") == "Koss"
    assert clean_name("Saying") is None


@pytest.mark.parametrize(
    "text",
    [
        "“Keep the library open,” tweeted the Riverton, Ore., branch of the readers' club.",
        "The Harbor Daily Ledger on May 3 described the mayor as “a tireless builder.”",
        "The 19th Amendment states that “no citizen shall be denied the vote.”",
        "Critics say the plan “will empty the harbor.”",
        "Kansas and Iowa complained about “a flood of cheap grain.”",
        "Members of the Yes, Vote, No Delay group wrote that “the vote must go on.”",
    ],
)
def test_a_place_a_paper_or_a_group_is_no_speaker(text):
    assert speaker_in(text) is None
    assert people_in(text) == []


def test_the_before_a_title_still_names_a_person():
    assert speaker_in("“We will march,” said the Rev. Ada Lind.") == "Rev. Ada Lind"
    assert speaker_in("the Harbor Club President Tom Reyes said on Friday.") == (
        "Harbor Club President Tom Reyes"
    )
    assert speaker_in("“We will vote,” said Virginia Holt.") == "Virginia Holt"
