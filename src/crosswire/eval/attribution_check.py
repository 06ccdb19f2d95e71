"""Check a digest's attribution against the articles themselves, independently of how the
digest was built: a summary sentence is *attributed* when it appears verbatim in its own
article and every other outlet it lists has an evidence sentence that appears verbatim in one
of that outlet's articles and matches the summary sentence (same rule as production: cosine
at the threshold — lexical where the embedder does not know a language — or most words
shared within a language)."""

from __future__ import annotations

from crosswire.models import Article, Digest
from crosswire.text.debris import strip_debris
from crosswire.text.matching import lexical_match
from crosswire.text.similarity import sentence_vectors
from crosswire.text.words import split_sentences, words


def _norm(text: str) -> str:
    return " ".join(text.split())


def _said(article: Article) -> set[str]:
    """The article's sentences, each as written and without the dateline, byline or credit
    before it (a summary quotes the sentence from its first word: ``text.debris``)."""
    sentences = [_norm(s) for s in split_sentences(article.text)]
    return set(sentences) | {strip_debris(s)[1] for s in sentences}


def attributed(
    digest: Digest,
    articles: list[Article],
    embed,
    threshold: float,  # noqa: ANN001
) -> tuple[int, int]:
    """(attributed summary sentences, all summary sentences)."""
    by_id = {int(a.id or 0): a for a in articles}
    good = 0
    entries = digest.summary
    for entry in entries:
        own = by_id.get(entry.article_id)
        ok = own is not None and entry.text in _said(own)
        listed = [s for s in entry.sources if s != entry.source]
        evidence = {e.source: e for e in entry.evidence}
        for source in listed:
            e = evidence.get(source)
            article = by_id.get(e.article_id) if e else None
            if e is None or article is None or article.source != source:
                ok = False
                break
            if e.sentence not in _said(article):
                ok = False
                break
            languages = [(own.language or "") if own else "", article.language or ""]
            vectors = sentence_vectors([entry.text, e.sentence], languages, embed)
            cosine = float(vectors[0] @ vectors[1])
            same_language = own is not None and own.language == article.language
            lexical = lexical_match(words(entry.text), words(e.sentence))
            if cosine < threshold and not (same_language and lexical >= 0.6):
                ok = False
                break
        good += ok
    return good, len(entries)
