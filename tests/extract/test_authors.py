"""Authors: JSON-LD, microdata and meta tags read; publishers, wires and interface text
rejected. Pages written for these tests."""

from __future__ import annotations

from crosswire.extract.authors import (
    clean_names,
    find_authors,
    is_person_name,
    parse_tree,
    split_byline,
)


def authors(head: str, body: str = "", fallback: str | None = None) -> list[str]:
    tree = parse_tree(f"<html><head>{head}</head><body>{body}</body></html>")
    return find_authors(tree, fallback)


def test_every_json_ld_author_of_the_article():
    head = """<script type="application/ld+json">{"@context": "https://schema.org",
      "@graph": [{"@type": "WebSite", "name": "Tidewater Post"},
        {"@type": "NewsArticle", "headline": "x",
         "author": [{"@type": "Person", "name": "Mara Quill"}, {"@type": "Person",
         "name": "Ots Berend"}, {"@type": "Organization", "name": "Ediciones Tidewater"}],
         "publisher": {"@type": "Organization", "name": "Tidewater Post"}}]}</script>"""
    assert authors(head) == ["Mara Quill", "Ots Berend"]


def test_microdata_authors_all_of_them():
    body = "".join(
        f'<span itemprop="author creator" itemscope><span itemprop="name">{name}</span></span>'
        for name in ("LENA MOSS", "IVO PRATT", "ADA VENN")
    )
    assert authors("", body) == ["LENA MOSS", "IVO PRATT", "ADA VENN"]


def test_meta_author_and_by_prefix():
    assert authors('<meta name="author" content="By Nell Harrow">') == ["Nell Harrow"]


def test_fallback_byline_cleaned_of_dates_and_interface_text():
    assert authors("", fallback="Jon Ruddle; Apr") == ["Jon Ruddle"]
    assert authors("", fallback="Account You're logged in") == []
    assert authors("", fallback="Sara Lind and Pol Amat") == ["Sara Lind", "Pol Amat"]


def test_publishers_wires_and_sites_are_not_people():
    for text in ("AP", "Reuters", "Tidewater Daily News", "Lefigaro Fr", "Staff Reporter",
                 "www.example.com", "Editorial Board"):  # fmt: skip
        assert not is_person_name(text), text
    assert is_person_name("Anne-Marie O'Neill") and is_person_name("J. R. Hartley")
    assert clean_names(["Mara Quill"], {"mara quill"}) == []


def test_split_byline():
    assert split_byline("A B, C D and E F") == ["A B", "C D", "E F"]
    assert split_byline(None) == []


def test_site_name_is_stripped_from_titles_but_a_bare_name_stays():
    from crosswire.extract.metadata import strip_site_name

    names = {"Tidewater Post"}
    assert strip_site_name("Harbour bridge reopens | Tidewater Post", names) == (
        "Harbour bridge reopens"
    )
    assert strip_site_name("Tidewater Post - Harbour bridge reopens", names) == (
        "Harbour bridge reopens"
    )
    assert strip_site_name("Tidewater Post", names) == "Tidewater Post"
    assert strip_site_name("Q&A | Tide | More", {"Tidewater"}) == "Q&A | Tide | More"


def test_page_dates_keep_their_day():
    from datetime import UTC, datetime

    from crosswire.extract.article import choose_date, page_date

    assert page_date("2021-03-05T00:00:00+01:00") == datetime(2021, 3, 5, tzinfo=UTC)
    assert page_date("2021-03-04T23:00:00+00:00") == datetime(2021, 3, 5, tzinfo=UTC)
    kept = page_date("2021-03-05T01:10:00+09:00")
    assert kept.date().isoformat() == "2021-03-05" and kept.utcoffset().total_seconds() == 32400
    found = datetime(2021, 3, 4, 23, 59, tzinfo=UTC)
    declared = page_date("2021-03-05T01:59:00+02:00")
    assert choose_date(found, declared) is declared  # same instant: the page's offset
    assert choose_date(None, declared) is declared
    assert choose_date(found, datetime(2020, 1, 1, tzinfo=UTC)) is found
    day = datetime(2021, 3, 4, tzinfo=UTC)  # htmldate found only the day
    assert choose_date(day, declared) is declared  # a time with the page's offset
    assert choose_date(day, datetime(2021, 3, 5, 3, 0, tzinfo=UTC)) is day  # UTC: keep the day
