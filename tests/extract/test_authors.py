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
