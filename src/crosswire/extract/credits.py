"""Syndication credit lines: "This article originally appeared on …", "Reprinted from …",
"via AP", and their equivalents in the languages of the default feed list.

A credit line names where a story really comes from. ``find_credit`` looks for one in the
first two and last four paragraphs (where publishers put them), returns the origin it names
and the text without that line. Only short paragraphs qualify, so a sentence of reporting
that happens to say "first published" is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WIRES = r"(?:AP|AFP|Reuters|dpa|DPA|EFE|ANSA|Xinhua|TASS|ТАСС|APA|KNA|epd|SDA|Europa Press|UPI)"
_O = r"(?P<origin>[^\n]{2,120}?)"
_END = r"\s*[.!。]?\s*$"
_SHORT = r"(?P<origin>[^\n]{2,40}?)"  # "via …", "Source: …": a name, not a sentence

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (lang, re.compile(pattern, re.IGNORECASE | re.UNICODE))
    for lang, pattern in [
        # English
        (
            "en",
            r"^(?:this|the) (?:article|story|piece|post|report|column|essay|interview) "
            r"(?:was |is |has been )?(?:originally |first )(?:appeared|published|ran|posted|"
            r"featured)(?: (?:on|in|at|by|with))? " + _O + r"(?:,? (?:and|under|on) .*)?" + _END,
        ),
        (
            "en",
            r"^(?:this (?:article|story|piece) )?(?:was )?(?:originally|first) "
            r"(?:appeared|published|posted|ran) (?:on|in|at|by) " + _O + _END,
        ),
        (
            "en",
            r"^(?:this (?:article|story|piece) (?:is|was|has been) )?(?:republished|reprinted|"
            r"reproduced|syndicated|adapted)(?: with permission)? (?:from|by) "
            + _O
            + r"(?: under .*| with permission.*)?"
            + _END,
        ),
        ("en", r"^\(?(?:via|source:|courtesy of|credit:) " + _SHORT + r"\)?" + _END),
        ("en", r"^[—–-]\s*" + _WIRES.replace("(?:", "(?P<origin>", 1) + _END),
        # French
        (
            "fr",
            r"^(?:cet article|cette tribune|ce texte|l'article|article|cet entretien)? ?"
            r"(?:a été |est )?"
            r"(?:initialement|originellement|d'abord|originalement) (?:publiée?|paru(?:e)?)"
            r" (?:sur|dans|par|chez) " + _O + _END,
        ),
        (
            "fr",
            r"^(?:cet article|ce texte) (?:est|a été) (?:republié|reproduit|traduit) "
            r"(?:à partir |depuis )?(?:de |du |d')" + _O + r"(?: sous .*)?" + _END,
        ),
        (
            "fr",
            r"^\(?(?:avec|source ?:|d'après) "
            + _WIRES.replace("(?:", "(?P<origin>", 1)
            + r"\)?"
            + _END,
        ),
        # German
        (
            "de",
            r"^(?:dieser |der )?(?:artikel|text|beitrag|kommentar)? ?(?:erschien|ist) "
            r"(?:zuerst|ursprünglich|erstmals) (?:erschienen )?(?:bei|in|im|auf) "
            + _O
            + r"(?: erschienen)?"
            + _END,
        ),
        (
            "de",
            r"^(?:zuerst|ursprünglich|erstmals) (?:erschienen|veröffentlicht) "
            r"(?:bei|in|im|auf) " + _O + _END,
        ),
        ("de", r"^\(?(?:mit material von|quelle:) " + _SHORT + r"\)?" + _END),
        # Spanish (and Portuguese, which shares most words)
        (
            "es",
            r"^(?:este|el) (?:artículo|texto|reportaje|artigo) (?:fue |se |foi )?"
            r"(?:publicado|publicó|apareció) (?:originalmente|originariamente|primero) "
            r"(?:en|por|no|na|em) " + _O + _END,
        ),
        (
            "es",
            r"^(?:publicado|aparecido) (?:originalmente|originariamente) (?:en|por|no|na|em) "
            + _O
            + _END,
        ),
        (
            "es",
            r"^(?:este artículo (?:se republica|fue republicado) de|republicado de) "
            + _O
            + r"(?: bajo .*)?"
            + _END,
        ),
        ("es", r"^\(?(?:con información de|fuente:) " + _SHORT + r"\)?" + _END),
        # Italian
        (
            "it",
            r"^(?:questo articolo )?(?:è stato )?pubblicato (?:originariamente|originalmente) "
            r"(?:su|da|in) " + _O + _END,
        ),
        # Russian
        (
            "ru",
            r"^(?:(?:этот |данный )?(?:материал|статья|текст) )?(?:был[аи]? )?(?:впервые|"
            r"изначально|первоначально) (?:был[аи]? )?(?:опубликован[аоы]?|вышл[аи]|вышел)"
            r" (?:на сайте|в издании|на|в|во) " + _O + _END,
        ),
        (
            "ru",
            r"^оригинал (?:статьи |материала )?(?:опубликован|размещ[её]н) (?:на|в) " + _O + _END,
        ),
        ("ru", r"^\(?(?:источник:|по материалам|по данным) " + _SHORT + r"\)?" + _END),
        # Arabic
        (
            "ar",
            r"^(?:ظهرت?|نُ?شِ?رت?|نشر)(?: هذه| هذا)?(?: المقالة| المقال| المادة| التقرير)?"
            r" (?:في الأصل|أصلا|لأول مرة|أولا) (?:على|في|عبر|لدى) (?:موقع )?" + _O + _END,
        ),
        (
            "ar",
            r"^(?:المقال|المقالة|هذا المقال|هذه المقالة)(?: ظهرت?| نُ?شِ?رت?)? "
            r"(?:في الأصل|أصلا) (?:على|في) (?:موقع )?" + _O + _END,
        ),
        ("ar", r"^\(?(?:المصدر ?:|نقلا عن|نقلاً عن) " + _SHORT + r"\)?" + _END),
        # Chinese
        (
            "zh",
            r"^(?:本文|此文|原文)(?:最初|首发|原载|首刊|发表|刊登|最早)(?:于|在|发表于|刊登于|刊于)"
            r"\s*" + _O + r"(?:网站|网)?" + _END,
        ),
        ("zh", r"^(?:本文)?(?:转载|转自|来源)(?:自|于|：|:)\s*" + _O + _END),
    ]
]

MAX_CREDIT_CHARS = 300


@dataclass
class Credit:
    origin: str
    line: str
    language: str


def _origin(raw: str) -> str:
    origin = raw.strip().strip(" .,:;!\"'«»“”‘’()[]")
    origin = re.sub(
        r"^(?:the website |le site |die website |el sitio |موقع )", "", origin, flags=re.I
    )
    origin = re.sub(r"^(?:der|dem|den) ", "", origin)  # German article, not "Der Freitag"
    return origin[:120]


def match_credit(paragraph: str) -> Credit | None:
    """The credit that this one paragraph states, if it is a credit line."""
    line = " ".join(paragraph.split())
    if not line or len(line) > MAX_CREDIT_CHARS:
        return None
    for lang, pattern in PATTERNS:
        match = pattern.search(line)
        if match:
            origin = _origin(match.group("origin"))
            if origin:
                return Credit(origin=origin, line=paragraph, language=lang)
    return None


def find_credit(text: str) -> tuple[Credit | None, str]:
    """(the credit line found, the text without it). Looks at the first two and the last
    four paragraphs only; the last matching one at the end wins over one at the start."""
    paragraphs = text.split("\n")
    n = len(paragraphs)
    candidates = list(range(n - 1, max(n - 5, -1), -1)) + list(range(min(2, n)))
    for index in dict.fromkeys(candidates):
        credit = match_credit(paragraphs[index])
        if credit is not None:
            rest = paragraphs[:index] + paragraphs[index + 1 :]
            return credit, "\n".join(rest).strip()
    return None, text
