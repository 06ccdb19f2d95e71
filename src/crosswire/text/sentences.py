"""Split a story's articles into sentences, each knowing its article, source and position."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import numpy as np
import regex

from crosswire.models import Article
from crosswire.text.debris import strip_debris
from crosswire.text.months import MONTHS
from crosswire.text.similarity import sentence_vectors
from crosswire.text.words import split_sentences, words

LEAD_MIN_WORDS = 6  # shorter lines (datelines, credits) share the next sentence's position
DATELINE_OTHER_WORDS = 2  # a dateline's words besides its date: a weekday ("יום חמישי")
# Words date formats put between a date's parts ("5 de maio de 2026 às 7:45", "um 10 Uhr",
# "at 8:30 pm GMT"): part of the date, not other words
DATE_JOINERS = frozenset("a à às at de del las of on the um uhr am pm utc gmt et h".split())

_MONTH_NAMES = frozenset(unicodedata.normalize("NFC", m.casefold()) for m in MONTHS)
# a day or year, in any digits, with a one-letter prefix written on it (Hebrew "ה12": the 12th)
_DATE_NUMBER = regex.compile(r"\p{L}?\p{Nd}+")


@dataclass
class Sentence:
    text: str
    article_id: int
    source: str
    language: str
    position: int  # 0 = the lead (and any short line or dateline before it)
    words: list[str] = field(default_factory=list)
    dateline: bool = False  # the article's date on a line of its own: never a summary sentence
    headline: bool = False  # the article's title, repeated in its text: never a summary sentence
    lead_in: str = ""  # a dateline, byline or credit the page put before it (``debris``)


@dataclass
class StorySentences:
    """Every sentence of a story's original (non-copy) articles, with embeddings."""

    sentences: list[Sentence]
    vectors: np.ndarray  # (n, d), L2-normalised; rows' dot products are similarities

    def of_article(self, article_id: int) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.article_id == article_id]


def source_of(article: Article) -> str:
    """The outlet credited for an article: its source domain, else its site, else its id."""
    return article.source or article.site_name or f"article-{article.key}"


def is_dateline(tokens: list[str]) -> bool:
    """A line that gives a date and little else: a month name, a number, and at most
    ``DATELINE_OTHER_WORDS`` other words of two letters or more besides ``DATE_JOINERS``
    ("Sunday, March 9, 2031", "יום רביעי, ה- 14 במרץ, 2029", "Pondělí, 4. února 2030",
    "terça-feira, 5 de maio de 2026 às 7:45"). In words the tokenizer splits ("ה-" is
    a word of the text), Hebrew's is six words long, as long as a sentence."""
    folded = [unicodedata.normalize("NFC", t) for t in tokens]
    if not any(t in _MONTH_NAMES for t in folded):
        return False
    numbers = [t for t in folded if _DATE_NUMBER.fullmatch(t)]
    others = [
        t
        for t in folded
        if t not in _MONTH_NAMES and t not in numbers and len(t) > 1 and t not in DATE_JOINERS
    ]
    return bool(numbers) and len(others) <= DATELINE_OTHER_WORDS


def article_sentences(article: Article, limit: int) -> list[Sentence]:
    """The article's sentences (title excluded), at most ``limit``. Positions count only
    sentences of ``LEAD_MIN_WORDS`` words or more that are not datelines nor the title: a
    dateline ("Sunday, March 9, 2031"), the title a page repeats above its text or a photo
    credit before the lead does not push it down."""
    out = []
    position = 0
    title = words(article.title or "")
    written_sentences = split_sentences(article.text or "")[:limit]
    for k, written in enumerate(written_sentences):
        lead_in, text = strip_debris(written)
        tokens = words(text)
        dateline = is_dateline(tokens)
        # the title above the text, not a text that is all title
        headline = k == 0 and len(written_sentences) > 1 and bool(title) and tokens == title
        out.append(
            Sentence(
                text=text,
                article_id=int(article.id or 0),
                source=source_of(article),
                language=article.language or "",
                position=position,
                words=tokens,
                dateline=dateline,
                headline=headline,
                lead_in=lead_in,
            )
        )
        if len(tokens) >= LEAD_MIN_WORDS and not dateline and not headline:
            position += 1
    return out


def collect_sentences(articles: list[Article], embed, limit: int) -> StorySentences:
    """Sentences of ``articles`` embedded with ``embed`` (an object with ``encode``); see
    ``similarity`` for sentences in languages the embedder does not know."""
    sentences = [s for a in articles for s in article_sentences(a, limit)]
    if not sentences:
        return StorySentences([], np.zeros((0, 1), dtype=np.float32))
    vectors = sentence_vectors([s.text for s in sentences], [s.language for s in sentences], embed)
    return StorySentences(sentences, np.asarray(vectors, dtype=np.float32))
