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
