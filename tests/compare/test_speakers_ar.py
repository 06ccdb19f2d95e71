"""Speakers of Arabic quotations: the name after a speech verb or "according to"."""

from __future__ import annotations

from crosswire.compare.quotes import extract_quotes
from crosswire.compare.speakers_ar import arabic_speaker


def test_the_name_after_the_verb_up_to_the_comma():
    text = 'وقالت سلمى حداد ، مديرة الميناء، "سيعاد فتح الميناء يوم الجمعة المقبل للسفن كلها".'
    assert extract_quotes(text) == [("سيعاد فتح الميناء يوم الجمعة المقبل للسفن كلها", "سلمى حداد")]


def test_the_verb_after_the_quotation_and_according_to():
    after = '"لن نغلق الطريق مرة أخرى أبدا بعد اليوم" ، أضاف كريم ناصر.'
    assert extract_quotes(after)[0][1] == "كريم ناصر"
    assert arabic_speaker("وفقا لكريم ناصر ، الطريق مفتوح") == "كريم ناصر"


def test_an_office_without_a_name_names_nobody():
    assert arabic_speaker("وقال مسؤول أمريكي إن الطريق مفتوح") is None
    assert arabic_speaker("وقال متحدث باسم البلدية إن الطريق مفتوح") is None
    assert arabic_speaker("وقال رئيس البلدية سامي خوري إن الطريق مفتوح") == (
        "رئيس البلدية سامي خوري"
    )


def test_who_was_told_is_not_who_spoke_and_a_quotation_is_not_crossed():
    assert arabic_speaker("قال لوكالة الأنباء إن الطريق مفتوح") is None
    blanked = "وقالت " + " " * 40 + " ركضت إلى الطريق الجديد."
    assert arabic_speaker(blanked) is None


def test_an_institution_a_country_or_an_adverb_is_nobody():
    assert arabic_speaker("وقالت وزارة الصحة إن المستشفى مفتوح") is None
    assert arabic_speaker("وقالت ايران إن المستشفى مفتوح") is None
    assert arabic_speaker("وأضاف قائلا إن المستشفى مفتوح") is None
    assert arabic_speaker("وذكرت الصحيفة المحلية أن المستشفى مفتوح") is None
    assert arabic_speaker("وقال اخرون إن المستشفى مفتوح") is None


def test_the_name_ends_at_an_office_a_relative_or_who():
    assert arabic_speaker("وقال سامي خوري رئيس النادي إن الملعب جاهز") == "سامي خوري"
    assert arabic_speaker("وقالت ليلى حداد عمة اللاعب إن الملعب جاهز") == "ليلى حداد"
    assert arabic_speaker("وقال العقيد فادي نصر الذي قاد الفريق إن الملعب جاهز") == (
        "العقيد فادي نصر"
    )
    # an office, its complements, then the name
    assert arabic_speaker("وقال رئيس بلدية المدينة الساحلية رامي عون إن الملعب جاهز") == (
        "رئيس بلدية المدينة الساحلية رامي عون"
    )
    assert arabic_speaker("وقال سامي جورج نادر خوري عون إن الملعب جاهز") is None  # too long


def test_the_verb_nearest_before_the_quotation_speaks():
    text = 'وقال سامي خوري إن الملعب جاهز، في حين قالت جدته "لن أذهب إلى المباراة غدا أبدا".'
    assert extract_quotes(text) == [("لن أذهب إلى المباراة غدا أبدا", None)]
    said = 'وقالت ليلى حداد إن الملعب جاهز. وقالت "سنذهب جميعا إلى المباراة غدا صباحا".'
    assert extract_quotes(said)[0][1] == "ليلى حداد"  # "she said": the one named before
