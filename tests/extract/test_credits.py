"""Syndication credit lines in the languages of the default feed list."""

from __future__ import annotations

import pytest

from crosswire.extract.credits import find_credit, match_credit

pytestmark = pytest.mark.timeout(10)


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("This article originally appeared on The Conversation.", "The Conversation"),
        ("This story was first published by ProPublica.", "ProPublica"),
        ("Originally published in The Atlantic Monthly", "The Atlantic Monthly"),
        ("Reprinted with permission from Grist.", "Grist"),
        ("This article is republished from The Conversation under a Creative Commons license.",
         "The Conversation"),
        ("via AP", "AP"),
        ("(via Reuters)", "Reuters"),
        ("— AFP", "AFP"),
        ("Cet article a été initialement publié sur Mediapart.", "Mediapart"),
        ("Article initialement paru dans Le Soir", "Le Soir"),
        ("Avec AFP", "AFP"),
        ("(avec Reuters)", "Reuters"),
        ("Dieser Artikel erschien zuerst bei Zeit Online.", "Zeit Online"),
        ("Zuerst erschienen in der Wochenzeitung Freitag", "Wochenzeitung Freitag"),
        ("Mit Material von dpa", "dpa"),
        ("Este artículo fue publicado originalmente en El Faro.", "El Faro"),
        ("Publicado originalmente en Agencia SINC", "Agencia SINC"),
        ("Con información de EFE", "EFE"),
        ("Материал впервые опубликован на сайте Би-би-си.", "Би-би-си"),
        ("Статья впервые опубликована в «Новой газете»", "Новой газете"),
        ("ظهرت هذه المقالة في الأصل على موقع ميدل إيست آي", "ميدل إيست آي"),
        ("نُشر هذا المقال في الأصل في صحيفة الغارديان", "صحيفة الغارديان"),
        ("本文最初发表于端传媒", "端传媒"),
        ("本文转载自澎湃新闻", "澎湃新闻"),
    ],
)  # fmt: skip
def test_credit_lines_name_their_origin(line, origin):
    credit = match_credit(line)
    assert credit is not None and credit.origin == origin


@pytest.mark.parametrize(
    "line",
    [
        "The plan was first published in March by the cabinet office and then revised twice, "
        "officials told reporters on Tuesday after a long meeting in the capital.",
        "Via Appia is one of the oldest roads in Europe and a popular place for a walk on "
        "Sunday afternoons, locals say.",
        "The minister said the report originally appeared to show a fall in unemployment.",
        "Source: figures compiled by the national statistics office over ten years of surveys",
        "",
    ],
)
def test_ordinary_sentences_are_not_credit_lines(line):
    assert match_credit(line) is None


def test_find_credit_removes_only_the_credit_paragraph():
    text = "First paragraph.\nSecond paragraph.\nThird paragraph.\nvia AP"
    credit, rest = find_credit(text)
    assert credit.origin == "AP"
    assert rest == "First paragraph.\nSecond paragraph.\nThird paragraph."


def test_credit_at_the_top_is_found_and_middle_is_ignored():
    top = "Originally published in Der Freitag\nBody one.\nBody two.\nBody three.\nBody four."
    assert find_credit(top)[0].origin == "Der Freitag"
    middle = "\n".join(["p1", "p2", "p3", "via AP", "p5", "p6", "p7", "p8", "p9"])
    assert find_credit(middle) == (None, middle)
