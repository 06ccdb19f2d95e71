"""Clitic prefixes: the selection matches Hebrew and Arabic words without them."""

from __future__ import annotations

import numpy as np

from crosswire.digest.selection import SelectionWeights, select_sentences
from crosswire.text.clitics import match_words, strip_proclitics
from crosswire.text.sentences import Sentence, StorySentences
from crosswire.text.words import words


def test_hebrew_prefixes_come_off_in_their_grammatical_order():
    # "the / in the / to the / from the / and the / that the / when the" government
    forms = ["הממשלה", "בממשלה", "לממשלה", "מהממשלה", "והממשלה", "שהממשלה", "וכשהממשלה"]
    assert {strip_proclitics(w, "he") for w in forms} == {"ממשלה"}
    assert strip_proclitics("בצ'ילה", "he") == "צ'ילה"  # a geresh belongs to the stem


def test_short_words_numbers_and_latin_words_are_kept():
    for word in ["של", "את", "הוא", "2005", "utc"]:
        assert strip_proclitics(word, "he") == word


def test_arabic_prefixes_come_off_too():
    # "the / and the / with the / for the (ل + ال written لل) / so the" government
    forms = ["الحكومة", "والحكومة", "بالحكومة", "للحكومة", "فالحكومة"]
    assert {strip_proclitics(w, "ar") for w in forms} == {"حكومة"}
    assert strip_proclitics("من", "ar") == "من"


def test_languages_without_clitic_prefixes_are_left_alone():
    tokens = ["the", "ministers", "met", "in", "brussels"]
    assert match_words(tokens, "en") is tokens
    assert match_words(["vláda", "schválila"], "cs") == ["vláda", "schválila"]


def test_a_fact_written_with_other_prefixes_is_shared_by_its_outlets():
    texts = [
        "הממשלה והצבא סיכמו על תוכנית חירום חדשה",  # the government and the army agreed ...
        "אמש התברר כי לממשלה ולצבא אין עמדה משותפת",  # ... the government and the army have ...
        "אמש נודע שבממשלה ובצבא חלוקים בשאלת התקציב",  # ... in the government and the army ...
        "אמש ירד גשם כבד בצפון הארץ ובמרכזה",  # heavy rain fell last night in the north
    ]
    sentences = [
        Sentence(t, article_id=i + 1, source=f"s{i}", language="he", position=0, words=words(t))
        for i, t in enumerate(texts)
    ]
    story = StorySentences(sentences, np.eye(len(texts), dtype=np.float32))
    # as written, the rain shares a word ("אמש") with two outlets and the agreement none;
    # without prefixes, three outlets report "government and army"
    chosen = select_sentences(
        story,
        [3, 0],
        max_sentences=1,
        weights=SelectionWeights(common_words=0),  # four sentences have no function words
        semantic=False,
    )
    assert chosen == [0]
