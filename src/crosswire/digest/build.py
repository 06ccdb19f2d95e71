"""``build_digest``: one story's articles in, its ``models.Digest`` out.

Caching: the digest records the article ids it covers (``covers``) and the options it was
built with (``options_key``). Given the previous digest, an unchanged article set returns it
as is, and a set that only gained syndicated copies updates the copies list and counts without
re-reading any text. Anything else is rebuilt; the embedder's in-process cache means sentences
already seen by this worker are not embedded again, so adding one article to a big story costs
one article's embeddings plus the (cheap) selection.

Bounded work: the text-derived parts (headline, summary, timeline, comparison) read at most
``options.max_articles`` articles, chosen by ``representative``: every outlet's first article,
then every outlet's latest, then the newest of the rest. Counts, spread and copies always
cover the whole story, so a story of 20,000 articles costs what one of 50 does.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from crosswire.compare import CompareOptions, compare_story, disputes_of
from crosswire.digest.headline import choose_headline
from crosswire.digest.options import DigestOptions
from crosswire.digest.places import story_places
from crosswire.digest.spread import build_spread, side_of
from crosswire.digest.summary import build_summary
from crosswire.digest.timeline import build_timeline
from crosswire.embed import load_embedder
from crosswire.models import (
    Article,
    Copy,
    Digest,
    Dispute,
    DisputeSide,
    Evidence,
    Source,
    SummaryEntry,
    as_utc,
)
from crosswire.text.sentences import collect_sentences, source_of
from crosswire.text.similarity import embedder_knows


def build_digest(
    articles: list[Article],
    sources: dict[str, Source],
    options: DigestOptions,
    previous: Digest | None = None,
    embed: Any = None,  # an object with encode(); default: options.embedder
) -> Digest:
    """The digest of a story made of ``articles``."""
    ids = sorted(int(a.id or 0) for a in articles)
    originals = [a for a in articles if a.duplicate_of is None]
    reused = _reuse(previous, articles, originals, options)
    if reused is not None:
        return reused

    embed = embed or load_embedder(options.embedder)
    copies = copies_of(articles)
    also: dict[int, list[str]] = {}
    for c in copies:
        also.setdefault(c.original_id, []).append(c.source)
    chosen = representative(originals, options.max_articles)
    story = collect_sentences(chosen, embed, options.max_sentences_per_article)
    headline, language = choose_headline(chosen, embed, options.reader_language)
    summary = [
        _summary_entry(e)
        for e in build_summary(story, options, also, _title_vectors(chosen, embed))
    ]
    in_summary = {(e.article_id, e.text) for e in summary}
    shown = frozenset(
        i for i, s in enumerate(story.sentences) if (s.article_id, s.text) in in_summary
    )
    comparison = compare_story(
        story,
        CompareOptions(
            embed=embed,
            only_in_per_source=options.only_in_per_source,
            threshold=options.match_threshold,
            shown=shown,
            reader_language=options.reader_language,
            sides=sides_of(originals, sources),
            # publication times only: a feed's first fetch gives old items one fetch time
            published={
                int(a.id or 0): as_utc(a.published_at) for a in chosen if a.published_at is not None
            },
        ),
    )
    one_sided = {(f.article_id, f.sentence): f.side for f in comparison.one_side if f.in_summary}
    disputes = [c for c in comparison.conflicts if not c.changed]
    changes = [c for c in comparison.conflicts if c.changed]
    for entry in summary:  # a contested, updated or one-sided sentence says so where read
        entry.disputed = disputes_of(entry, disputes)
        entry.changed = disputes_of(entry, changes)
        entry.one_side = one_sided.get((entry.article_id, entry.text))
    return Digest(
        headline=headline,
        language=language,
        summary=summary,
        timeline=build_timeline(chosen, embed, options.max_updates),
        spread=build_spread(originals, sources),
        places=story_places(chosen, options.reader_language),  # the text read: bounded
        comparison=comparison,
        copies=copies,
        article_count=len(originals),
        source_count=len({source_of(a) for a in originals}),
        covers=ids,
        originals=sorted(int(a.id or 0) for a in originals),
        options_key=options.cache_key(),
    )


def _summary_entry(entry: dict[str, Any]) -> SummaryEntry:
    """A summary sentence as ``build_summary`` gives it, typed."""
    return SummaryEntry(
        text=entry["text"],
        language=entry["language"],
        lead_in=entry["lead_in"],
        article_id=entry["article_id"],
        source=entry["source"],
        sources=entry["sources"],
        also_published_by=entry["also_published_by"],
        evidence=[Evidence(**e) for e in entry["evidence"]],
        disputed=[_dispute(d) for d in entry.get("disputed", [])],
        changed=[_dispute(d) for d in entry.get("changed", [])],
        one_side=entry.get("one_side"),
    )


def _dispute(dispute: dict[str, Any]) -> Dispute:
    return Dispute(
        kind=dispute["kind"],
        topic=dispute["topic"],
        sides=[DisputeSide(**side) for side in dispute["sides"]],
    )


def sides_of(articles: list[Article], sources: dict[str, Source]) -> dict[str, str]:
    """Each outlet's side of the spectrum, where its leaning is known."""
    sides = {source_of(a): side_of(sources.get(a.source or "")) for a in articles}
    return {outlet: side for outlet, side in sides.items() if side is not None}


def representative(articles: list[Article], cap: int) -> list[Article]:
    """At most ``cap`` of ``articles``, in their given order: each outlet's first article (the
    earliest outlets first), then each outlet's latest, then the newest of the rest."""
    if cap <= 0 or len(articles) <= cap:
        return articles
    by_time = sorted(articles, key=_arrival)
    by_source: dict[str, list[Article]] = {}
    for article in by_time:
        by_source.setdefault(source_of(article), []).append(article)
    firsts = [group[0] for group in by_source.values()]
    latests = [group[-1] for group in by_source.values() if len(group) > 1]
    latests.sort(key=_arrival, reverse=True)
    picked: dict[int, Article] = {}
    for article in [*firsts, *latests, *reversed(by_time)]:
        if len(picked) >= cap:
            break
        picked.setdefault(id(article), article)
    keep = set(picked)
    return [a for a in articles if id(a) in keep]


def _arrival(article: Article) -> tuple[float, int]:
    when = article.when
    return (when.timestamp() if when is not None else float("inf"), int(article.id or 0))


def _title_vectors(articles: list[Article], embed: Any) -> np.ndarray | None:
    """Embeddings of the titles in languages the embedder knows (None if there are none)."""
    name = getattr(embed, "name", "")
    titles = [
        a.title
        for a in articles
        if (a.title or "").strip() and embedder_knows(name, a.language or "")
    ]
    return embed.encode(titles) if titles else None


def copies_of(articles: list[Article]) -> list[Copy]:
    """Syndicated copies, each pointing at its original ("also published by")."""
    by_id = {a.id: a for a in articles}
    out = []
    for a in articles:
        if a.duplicate_of is None:
            continue
        original = by_id.get(a.duplicate_of)
        out.append(
            Copy(
                article_id=int(a.id or 0),
                source=source_of(a),
                original_id=int(a.duplicate_of),
                original_source=source_of(original) if original else "",
            )
        )
    return out


def _reuse(
    previous: Digest | None,
    articles: list[Article],
    originals: list[Article],
    options: DigestOptions,
) -> Digest | None:
    if not previous or previous.options_key != options.cache_key():
        return None
    if previous.originals != sorted(int(a.id or 0) for a in originals):
        return None  # an original came or went (a copy found before its original, too)
    ids = sorted(int(a.id or 0) for a in articles)
    if previous.covers == ids:
        return previous
    if not set(previous.covers) <= set(ids):
        return None
    # only copies were added: the text-derived parts stand
    digest = copy.deepcopy(previous)
    digest.copies = copies_of(articles)
    digest.covers = ids
    also: dict[int, list[str]] = {}
    for c in digest.copies:
        also.setdefault(c.original_id, []).append(c.source)
    for entry in digest.summary:
        credited = [entry.article_id] + [e.article_id for e in entry.evidence]
        entry.also_published_by = sorted({s for i in credited for s in also.get(i, [])})
    return digest
