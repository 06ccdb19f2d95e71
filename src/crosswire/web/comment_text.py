"""Comments are plain text: everything is escaped, http(s) links become links that pass
no ranking credit (rel="nofollow ugc noopener"), blank lines separate paragraphs."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

MAX_COMMENT = 10_000
# a URL runs to the next space or angle bracket or quote; trailing punctuation stays text
URL_RE = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}"


def _link(url: str) -> str:
    tail = ""
    while url and url[-1] in TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        tail = url[-1] + tail
        url = url[:-1]
    return Markup('<a href="{0}" rel="nofollow ugc noopener">{0}</a>').format(url) + escape(tail)


def _paragraph(text: str) -> Markup:
    out, pos = Markup(""), 0
    for match in URL_RE.finditer(text):
        out += escape(text[pos : match.start()]) + _link(match.group())
        pos = match.end()
    out += escape(text[pos:])
    return Markup("<br>").join(Markup(line) for line in out.split("\n"))


def render_comment(body: str) -> Markup:
    """Safe HTML for a comment body."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(_paragraph(p)) for p in paragraphs)


def clean_comment(body: str) -> str:
    """The body to store, or ValueError with a one-line reason."""
    text = body.replace("\x00", "").strip()
    if not text:
        raise ValueError("a comment cannot be empty")
    if len(text) > MAX_COMMENT:
        raise ValueError(f"a comment is at most {MAX_COMMENT} characters")
    return text
