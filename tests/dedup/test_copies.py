"""Exact and near copies with invented wire stories."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from crosswire.dedup import CopyIndex, canonicalise_url
from crosswire.eval.copy_variants import KINDS, make_variant
from crosswire.models import Article

WIRE = (
    "The harbour authority of Brellin said on Thursday that 14 cargo cranes would be replaced "
    "over the next three years at a cost of 210 million crowns. Dock workers welcomed the "
    "plan but asked for training on the new automated equipment before the first delivery. "
    "The authority expects the work to begin in the spring and to finish before the busy "
    "autumn season, when grain exports usually peak. A spokesperson added that no jobs would "
    "be cut during the replacement and that night shifts would continue as before."
)
OTHER = (
    "A regional court in Ostmere ruled on Friday that the town council must reopen the public "
    "library it closed last year, finding that the closure ignored a consultation promised "
    "to residents. The council said it would study the ruling before deciding whether to "
    "appeal, while library volunteers gathered outside the court to celebrate the decision."
)


def article(i: int, text: str, **kw) -> Article:
    kw.setdefault("url", f"https://site{i}.example/a")
    return Article(id=i, title=f"Story {i}", text=text, **kw)


def test_same_canonical_url_is_a_copy():
    index = CopyIndex()
    index.add(article(1, WIRE, url="https://www.wire.example/a/?utm_source=x#top"))
    found = index.find(article(2, OTHER, url="http://wire.example/a"))
    assert found == 1


def test_every_kind_of_constructed_copy_is_found_and_unrelated_text_is_not():
    index = CopyIndex()
    original = article(1, WIRE)
    index.add(original)
    index.add(article(2, OTHER))
    rng = random.Random(5)
    for n, kind in enumerate(KINDS):
        assert index.find(make_variant(original, kind, rng, 100 + n)) == 1, kind
    unrelated = article(3, "Völlig andere Nachricht über ein Radrennen in den Bergen " * 3)
    assert index.find(unrelated) is None


def test_copies_point_at_the_root_original():
    index = CopyIndex()
    index.add(article(1, WIRE))
    index.add(article(2, WIRE + " Extra line."), root=1)
    assert index.root_of(2) == 1
    assert index.root_of(1) == 1


def test_short_bodies_only_match_exactly():
    index = CopyIndex()
    index.add(article(1, "Brief note on cranes."))
    assert index.find(article(2, "Brief note on cranes today.")) is None
    assert index.find(article(3, "brief  note on CRANES.")) == 1


def test_the_index_forgets_the_oldest_beyond_its_size():
    from crosswire.dedup import CopyOptions

    index = CopyIndex(CopyOptions(max_entries=1))
    index.add(article(1, WIRE))
    index.add(article(2, OTHER))
    assert len(index) == 1
    assert index.find(article(3, WIRE)) is None


def test_the_index_forgets_articles_published_before_the_window():

    day = datetime(2031, 3, 1, tzinfo=UTC)
    index = CopyIndex()
    index.add(article(1, WIRE, published_at=day))
    index.add(article(2, OTHER, published_at=day + timedelta(days=5)))
    index.add(article(3, OTHER + " Undated follow-up."))  # undated: kept, only counted
    index.expire(before=(day + timedelta(days=1)).timestamp())
    assert len(index) == 2
    assert index.find(article(4, WIRE, url="https://site1.example/a")) is None  # URL too
    assert index.find(article(5, OTHER, url="https://site2.example/a")) == 2


def test_the_engine_finds_copies_within_its_copy_window_only():

    from crosswire.cluster import ClusterOptions, StoryEngine

    day = datetime(2031, 3, 1, tzinfo=UTC)
    ids = iter(range(1, 100))
    engine = StoryEngine(ClusterOptions(embedder="hashing"), new_story_id=lambda: next(ids))
    engine.add([article(1, WIRE, published_at=day)])
    soon, late = (
        article(2, WIRE, published_at=day + timedelta(days=3), url="https://x.example/2"),
        article(3, WIRE, published_at=day + timedelta(days=20), url="https://x.example/3"),
    )
    first, second = engine.add([soon, late])
    assert first.duplicate_of == 1
    assert second.duplicate_of is None  # the original and its copy are out of the window


def test_credit_line_names_the_original_outlet():
    index = CopyIndex()
    index.add(article(1, WIRE, origin="This story originally appeared on Wire.example"))
    assert index.is_original_of(article(2, WIRE, source="wire.example"), 1)
    assert not index.is_original_of(article(3, WIRE, source="other.example"), 1)


def test_the_earlier_publication_is_the_original_unless_it_credits_the_other():
    day = datetime(2031, 3, 1, tzinfo=UTC)
    index = CopyIndex()
    index.add(article(1, WIRE, source="reprint.example", published_at=day + timedelta(hours=3)))
    earlier = article(2, WIRE, source="wire.example", published_at=day)
    assert index.is_original_of(earlier, 1)
    crediting = article(3, WIRE, published_at=day, origin="First published by Reprint")
    assert not index.is_original_of(crediting, 1)  # a credit line outranks the clock
    later = article(4, WIRE, published_at=day + timedelta(hours=5))
    assert not index.is_original_of(later, 1)
    assert not index.is_original_of(article(5, WIRE), 1)  # undated: the first one stays


def test_a_new_original_takes_over_the_old_one_and_its_copies():
    index = CopyIndex()
    index.add(article(1, WIRE))
    index.add(article(2, WIRE), root=1)
    index.add(article(3, WIRE))
    index.make_original(3, 1)
    assert [index.root_of(i) for i in (1, 2, 3)] == [3, 3, 3]
    index.add(article(4, WIRE), root=index.root_of(index.find(article(9, WIRE))))
    index.add(article(5, WIRE))
    index.make_original(5, 3)
    assert [index.root_of(i) for i in (1, 2, 3, 4, 5)] == [5, 5, 5, 5, 5]


def test_canonical_urls():
    assert canonicalise_url("HTTP://WWW.Example.com/a/b/?b=2&a=1&utm_medium=rss#x") == (
        "https://example.com/a/b?a=1&b=2"
    )
    assert canonicalise_url("https://example.com") == "https://example.com/"
    assert canonicalise_url("mailto:x@example.com") is None
    assert canonicalise_url("") is None


def test_a_long_stream_keeps_the_story_of_only_the_articles_copies_can_point_at():

    from crosswire.cluster import ClusterOptions, StoryEngine

    start = datetime(2031, 3, 1, tzinfo=UTC)
    ids = iter(range(1, 10_000))
    engine = StoryEngine(ClusterOptions(embedder="hashing"), new_story_id=lambda: next(ids))
    rng = random.Random(3)
    vocabulary = [f"w{k}" for k in range(3000)]
    stream = [
        article(
            i,
            " ".join(rng.choices(vocabulary, k=60)),
            url=f"https://x.example/{i}",
            published_at=start + timedelta(hours=2 * i),
        )
        for i in range(1, 2501)
    ]  # 2,500 articles over 208 days; the copy window holds the last 14 days
    placed = engine.add(stream)
    assert len(engine.copies) <= 14 * 12 + 1
    assert len(engine._story_of) <= 2 * len(engine.copies) + 1024 + 1  # not all 2,500
    late = article(9999, stream[-1].text, url="https://y.example/copy")
    (copy,) = engine.add([late])
    assert copy.duplicate_of == 2500
    assert copy.story_id == placed[-1].story_id  # the copy joins its original's story
