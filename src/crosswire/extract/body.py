"""Where an article's body is and where it starts.

A body the page marks as such (schema.org ``articleBody``) is the only place text is read
from (``declared_body``, ``mark_body``). Two repairs around the text extractor:

- ``wrap_loose_text``: a paragraph written as bare text in a container (``<div>SAN
  FRANCISCO (AP) — Steve …<a>…</a> …</div>``, no ``<p>``) is made a ``<p>`` of its own
  before extraction, so the opening paragraph and its dateline are not lost;
- ``drop_leading_labels``: short lines before the first paragraph (a photo credit, a kicker
  such as "Analysis", a place caption, an episode label) are removed, and so are kickers
  marked as such by their class (``drop_kickers``); a dateline
  ("SAN FRANCISCO (AP) —") is not a label and stays, joined to its paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

CONTAINERS = frozenset({"div", "td", "section", "article", "main", "body", "center", "font"})
INLINE = frozenset(
    {"a", "em", "strong", "b", "i", "u", "span", "abbr", "sup", "sub", "small", "q", "cite",
     "code", "font", "mark", "time"}
)  # fmt: skip
LOOSE_MIN_CHARS = 80  # bare text at least this long is a paragraph, not a stray label
MAX_LABEL_WORDS = 8
MAX_LABEL_LINES = 5

_SENTENCE_END = re.compile(r"[.!?…。\"”»)]\s*$")
_WIRE = r"AP|AFP|Reuters|dpa|DPA|EFE|ANSA|Xinhua|TASS|UPI|APA|SDA|KNA|Europa Press|Bloomberg"
DATELINE = re.compile(
    rf"^[A-ZÀ-ÞĀ-Ž][\w .,'’/-]{{1,60}}?\s*(?:\((?P<wire>{_WIRE})\))?\s*[—–-]{{1,2}}(?:\s|$)"
    rf"|^[A-ZÀ-ÞĀ-Ž]{{2,}}[A-ZÀ-ÞĀ-Ž ,.'-]{{0,40}}\s*\((?P<wire2>{_WIRE})\)",
)


KICKER_CLASSES = frozenset({"kicker", "slug", "eyebrow", "overline", "rubric", "surtitle"})


def drop_kickers(tree: Any) -> None:
    """Remove the short kicker a page puts before a headline or a lead ("Analyse", "Live"),
    marked by its class (``kicker``, ``slug``, ``eyebrow`` …); the text after it stays."""
    for element in tree.xpath("//*[@class]"):
        classes = set(element.get("class", "").lower().replace("-", " ").replace("_", " ").split())
        if classes & KICKER_CLASSES and len(element.text_content().split()) <= 3:
            element.drop_tree()


BODY_MIN_CHARS = 200
BODY_XPATH = '//*[@itemprop="articleBody"]'


def declared_body(tree: Any) -> Any | None:
    """The one element the page marks as its article's body (schema.org ``articleBody``),
    when it holds a body's worth of text; None otherwise."""
    found = tree.xpath(BODY_XPATH)
    if len(found) != 1 or len(found[0].text_content().strip()) < BODY_MIN_CHARS:
        return None
    return found[0]


# what trafilatura prunes (after it has read the metadata) once ``mark_body`` has run
PRUNE_OUTSIDE_BODY = (
    "//body//*[not(@data-cw-path) and not(@data-cw-body) and not(ancestor::*[@data-cw-body])]"
)


def mark_body(element: Any) -> None:
    """Mark ``element`` and the path to it, so that ``PRUNE_OUTSIDE_BODY`` removes the rest
    of the page from text extraction (dates and other metadata are read before)."""
    element.set("data-cw-body", "1")
    for ancestor in element.iterancestors():
        ancestor.set("data-cw-path", "1")


def wrap_loose_text(tree: Any) -> None:
    """Give long bare text runs in containers a ``<p>`` of their own (in place)."""
    for element in list(tree.iter("div", "td", "section", "article", "main", "body")):
        if _long(element.text) and len(element):
            paragraph = etree.Element("p")
            paragraph.text, element.text = element.text, None
            _take_inline(element, 0, paragraph)
            element.insert(0, paragraph)
        for child in list(element):
            if not isinstance(child.tag, str) or child.tag in INLINE or not _long(child.tail):
                continue
            paragraph = etree.Element("p")
            paragraph.text, child.tail = child.tail, None
            index = element.index(child) + 1
            _take_inline(element, index, paragraph)
            element.insert(index, paragraph)


def _long(text: str | None) -> bool:
    return text is not None and len(text.strip()) >= LOOSE_MIN_CHARS


def _take_inline(parent: Any, index: int, paragraph: Any) -> None:
    """Move the inline elements from ``parent[index]`` on into ``paragraph``."""
    while index < len(parent):
        sibling = parent[index]
        if not isinstance(sibling.tag, str) or sibling.tag not in INLINE:
            break
        paragraph.append(sibling)  # moves it, with its tail


def drop_leading_labels(text: str) -> str:
    """``text`` without the short label lines before its first paragraph (see module)."""
    lines = text.split("\n")
    start = 0
    while start < min(len(lines) - 1, MAX_LABEL_LINES) and is_label(lines[start]):
        start += 1
    if start == 0:
        return text
    rest = "\n".join(lines[start:]).strip()
    return rest if rest else text


def is_label(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if DATELINE.match(stripped):
        return False
    words = stripped.split()
    if len(words) > MAX_LABEL_WORDS:
        return False
    if not _SENTENCE_END.search(stripped):
        return True  # no sentence: a credit, a kicker, a caption, a label
    # a short line of capitalised words ending in a full stop is a name ("Mara Quill.")
    return len(words) <= 3 and all(w[:1].isupper() for w in words)


def dateline_wire(text: str) -> str | None:
    """The agency a dateline at the start of ``text`` credits ("SAN FRANCISCO (AP) —")."""
    match = DATELINE.match(text.lstrip()[:120])
    if not match:
        return None
    return match.group("wire") or match.group("wire2")
