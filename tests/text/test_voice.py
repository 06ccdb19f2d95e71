"""First-person sentences: someone's voice, told by the words as written."""

from __future__ import annotations

from crosswire.text.voice import first_person


def test_first_person_pronouns_and_possessives_in_english():
    assert first_person('"We\'ve ordered enough pumps," the mayor said.', "en")
    assert first_person("“I thought the river would take the house,” she told the paper.", "en")
    assert first_person("The mayor said the decision was not ours to make.", "en")


def test_the_country_and_a_third_person_sentence_are_not_first_person():
    assert not first_person("The US Senate passed the bill on Friday.", "en")
    assert not first_person("U.S. officials said the talks would resume.", "en")
    assert not first_person("Biden said the administration had bought enough doses.", "en")


def test_each_language_has_its_own_words():
    assert first_person("« Nous ne reculerons pas », a déclaré le ministre.", "fr")
    assert first_person("قال الوزير: نحن لن نتراجع عن القرار", "ar")
    # "ma" is "my" in French and "but" in Italian
    assert not first_person("Il governo ha approvato la legge, ma il Senato deve votare.", "it")
    assert not first_person("We will not retreat.", "xx")  # a language without a list
