"""URL normalisation and offline language identification."""

from __future__ import annotations

import pytest

from crosswire.extract.language import detect_language
from crosswire.urls import normalise_url

pytestmark = pytest.mark.timeout(30)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.COM:443/a/b?utm_source=x&utm_medium=rss&id=3#comments",
         "https://news.example.com/a/b?id=3"),
        ("http://news.example:80", "http://news.example/"),
        ("http://news.example:8080/x?fbclid=abc&gclid=1&page=2", "http://news.example:8080/x?page=2"),
        ("https://news.example/x?b=2&a=1", "https://news.example/x?b=2&a=1"),
        ("https://[2001:db8::1]:8443/p", "https://[2001:db8::1]:8443/p"),
    ],
)  # fmt: skip
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The government announced a new pension reform on Tuesday after weeks of talks.", "en"),
        ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.", "fr"),
        ("Die Regierung hat am Dienstag eine neue Rentenreform angekündigt.", "de"),
        ("El gobierno anunció el martes una nueva reforma de las pensiones.", "es"),
        ("Правительство объявило во вторник о новой пенсионной реформе.", "ru"),
        ("أعلنت الحكومة يوم الثلاثاء عن إصلاح جديد لنظام التقاعد في البلاد", "ar"),
        ("政府周二宣布了一项新的养老金改革计划，引发了广泛讨论。", "zh"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_short_text_falls_back_to_the_page_hint():
    assert detect_language("OK", hint="de") == "de"
    assert detect_language("", hint=None) is None
