"""HTML fragments to plain text."""

from __future__ import annotations

import html
import re

from lxml import etree
from lxml import html as lxml_html

_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.I)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(fragment: str | None) -> str:
    """The text of an HTML fragment, paragraphs kept as line breaks, whitespace collapsed."""
    if not fragment:
        return ""
    fragment = _CONTROL.sub("", fragment)  # lxml refuses them, and no text needs them
    if "<" not in fragment:
        return _tidy(html.unescape(fragment))
    marked = _BLOCK.sub(lambda m: "\n" + m.group(0), fragment)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # lxml asserts on odd input
        return _tidy(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    return _LINES.sub("\n", _SPACES.sub(" ", text)).strip()
