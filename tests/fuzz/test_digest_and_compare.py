"""Fuzz the digest and the comparison of sources with hostile article texts.

``build_digest`` gives, for any articles, a JSON-serialisable digest that covers exactly
their ids and whose summary sentences come from them; the comparison helpers take any
sentence. Nothing raises, nothing takes long."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.compare.claims import detect_conflict
from crosswire.compare.numbers import extract_quantities, parse_number
from crosswire.compare.quotes import extract_quotes
from crosswire.digest import build_digest
from crosswire.digest.options import DigestOptions
from crosswire.models import Article, Source
from crosswire.store.digest_json import digest_from_json, digest_json
from tests.fuzz.profile import fuzz

pytestmark = pytest.mark.timeout(900)

OPTIONS = DigestOptions(embedder="hashing")  # the model is not what is fuzzed
SOURCES = ["one.example", "deux.example", "drei.example", "arba.example", None]

phrases = st.sampled_from(
    [
        "Officials said 12 people were killed.", "Police said 1,200 were injured, not killed.",
        "The minister denied the report.", '"We will rebuild every single home," the mayor said.',
        "« Nous ne céderons pas », a déclaré le ministre.", "Es gab 3,5 Millionen Euro Schaden.",
        "قال المسؤولون إن 40 شخصا أصيبوا.", "官员说有 7 人死亡。", "Nobody was hurt.", "٣٤٥ شخصا",
        "The vote passed 52% to 48%.", "On 3 March 2026 at 10:30 the bridge closed.", "",
        "...", "??", "1e309 shells", "0.000000001%", "½ of them", "Ⅻ soldiers", "１２３ tanks",
        '"', "“unclosed quote", "a " * 70, "\u202e\u200b\ufeff", "Dr. Smith said: yes.",
    ]
)  # fmt: skip
sentences = st.one_of(phrases, st.text(max_size=80))
texts = st.lists(sentences, max_size=8).map(" ".join)
dates = st.one_of(
    st.none(),
    st.integers(-10_000, 10_000).map(
        lambda h: datetime(2026, 3, 1, tzinfo=UTC) + timedelta(hours=h)
    ),
)


@st.composite
def stories(draw) -> list[Article]:
    n = draw(st.integers(1, 5))
    articles = []
    for i in range(n):
        articles.append(
            Article(
                id=i + 1,
                title=draw(sentences),
                text=draw(texts),
                url=f"https://site{i}.example/a",
                language=draw(st.sampled_from(["en", "fr", "de", "ar", "zh", "xx", None])),
                published_at=draw(dates),
                source=draw(st.sampled_from(SOURCES)),
                duplicate_of=draw(st.sampled_from([None, None, 1])) if i else None,
            )
        )
    return articles


SOURCE_INFO = {
    "one.example": Source(domain="one.example", name="One", country="GB", leaning="center"),
    "deux.example": Source(domain="deux.example", name="Deux", country="FR", language="fr"),
}


@fuzz(share=0.4, deadline_seconds=30)
@given(stories())
def test_build_digest_covers_exactly_its_articles(articles):
    digest = build_digest(articles, SOURCE_INFO, OPTIONS)
    stored = json.loads(json.dumps(digest_json(digest)))  # what the store keeps, the API serves
    assert digest_from_json(stored) == digest
    ids = {a.id for a in articles}
    assert digest.covers == sorted(ids)
    assert isinstance(digest.headline, str)
    for line in digest.summary:
        assert line.article_id in ids
    again = build_digest(articles, SOURCE_INFO, OPTIONS, previous=digest)
    assert again.covers == digest.covers


@fuzz(share=3)
@given(sentences)
def test_quantities_and_quotes_of_any_sentence(sentence):
    for quantity in extract_quantities(sentence):
        assert isinstance(quantity.value, float) and quantity.text
    for quote, speaker in extract_quotes(sentence):
        assert quote and (speaker is None or isinstance(speaker, str))


@fuzz(share=3)
@given(sentences, sentences, st.floats(-1, 1))
def test_detect_conflict_of_any_two_sentences(a, b, cosine):
    found = detect_conflict(a, b, cosine)
    assert found is None or found.kind


@fuzz(share=2)
@given(st.text(alphabet="0123456789,. \u00a0\u202f", max_size=20))
def test_parse_number_reads_or_raises_value_error(token):
    try:
        value = parse_number(token)
    except ValueError:
        return
    assert isinstance(value, float)
