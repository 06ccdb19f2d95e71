"""The start of the body: loose opening paragraphs kept with their dateline, leading labels
(credits, kickers, captions) dropped. Pages written for these tests."""

from __future__ import annotations

from crosswire.extract.article import extract_article
from crosswire.extract.body import dateline_wire, drop_leading_labels, is_label

OPENING = (
    "PORT ALDER (AP) — The ferry between Port Alder and the outer islands resumed service "
    "on Monday after a three-week strike by deckhands ended with a new contract."
)
SECOND = (
    "The union said the agreement raises wages by six percent over two years and limits "
    "shifts to ten hours, a demand that had stalled talks since early spring."
)
THIRD = (
    "Island councils had warned that shops were running short of fresh food, and a relief "
    "barge chartered by the province made two crossings during the stoppage."
)


def page(body: str) -> str:
    return (
        "<html><head><title>Ferry service resumes after strike</title></head><body>"
        f"<div id='story'><div class='related'><ul><li><a href='/x'>Other news</a></li></ul>"
        f"</div>{body}</div></body></html>"
    )


def test_bare_opening_paragraph_and_its_dateline_are_kept():
    html = page(f"{OPENING} <a href='/p'>Details</a>.<p>{SECOND}</p><p>{THIRD}</p>")
    article = extract_article(html, "https://islands.example/ferry")
    assert article.text.startswith("PORT ALDER (AP) — The ferry between Port Alder")
    assert article.origin == "AP"  # the wire the dateline credits


def test_photo_credit_and_kicker_before_the_body_are_dropped():
    html = page(f"<p>Courtesy Harbour Office</p><p>Analysis</p><p>{SECOND}</p><p>{THIRD}</p>")
    article = extract_article(html, "https://islands.example/ferry")
    assert article.text.startswith("The union said the agreement")


def test_labels_and_datelines():
    assert is_label("Courtesy G4") and is_label("Episode Description:")
    assert is_label("Near Lyon, by the river")
    assert not is_label("PORT ALDER (AP) —")
    assert not is_label("The ferry resumed service on Monday after a strike ended.")
    assert drop_leading_labels("Analysis\nThe ferry resumed.\nMore.") == "The ferry resumed.\nMore."
    assert drop_leading_labels("Only a label") == "Only a label"
    assert dateline_wire("OSLO (Reuters) - Norway said") == "Reuters"
    assert dateline_wire("The ferry resumed") is None


def test_a_kicker_marked_by_its_class_is_not_the_body_start():
    html = page(f"<h2><span class='slug'>Analysis</span> {SECOND}</h2><p>{THIRD}</p>")
    article = extract_article(html, "https://islands.example/ferry")
    assert "Analysis" not in article.text.split("\n")[0]
    assert "The union said the agreement" in article.text


def test_the_body_the_page_marks_as_articlebody_is_read_and_nothing_around_it():
    column = (
        "<p>Our weekly column on island life returns next month with a look at the new "
        "market hall, where farmers from the three northern islands now sell produce.</p>"
    ) * 3  # longer than the body: a text extractor alone would take it
    html = (
        "<html><head><title>Ferry</title></head><body><div class='main'>"
        f"<div class='column'>{column}</div>"
        f"<div itemprop='articleBody'><p>{SECOND}</p><p>{THIRD}</p></div></div></body></html>"
    )
    article = extract_article(html, "https://islands.example/ferry")
    assert article.text.startswith("The union said the agreement")
    assert "market hall" not in article.text
