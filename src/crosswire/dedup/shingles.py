"""Word shingles and their MinHash signature: the basis of near-copy detection."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from hashlib import sha1

import numpy as np
from datasketch import MinHash

from crosswire.models import normalise_text

_WORD = re.compile(r"\w+", re.UNICODE)


def shingle(text: str, size: int = 5) -> set[bytes]:
    """The set of ``size``-word windows of the normalised text (one window if it is shorter)."""
    return shingle_normalised(normalise_text(text), size)


def shingle_normalised(text: str, size: int = 5) -> set[bytes]:
    """``shingle`` of a text already normalised (``models.normalise_text``)."""
    words = _WORD.findall(text)
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def sign(shingles: set[bytes], num_perm: int = 128) -> MinHash:
    """MinHash signature of a shingle set (seeded, so signatures compare across processes)."""
    template = _template(num_perm)
    signature = MinHash(
        num_perm=num_perm,
        seed=1,
        scheme=template.scheme,
        permutations=template.permutations,
        hashfunc=int,  # given the hashes (``sha1_hashes``)
    )
    if shingles:
        signature.update_batch(sha1_hashes(shingles))
    return signature


def sha1_hashes(values: Iterable[bytes]) -> list[int]:
    """datasketch's default 32-bit hash of each value (the first four bytes of its SHA-1,
    little-endian), read from the digests in one array instead of one call per value."""
    digests = b"".join([sha1(value).digest()[:4] for value in values])
    return np.frombuffer(digests, dtype="<u4").tolist()


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    """An empty seeded signature whose hash permutations every signature reuses: drawing
    them is most of what ``MinHash(num_perm=…, seed=1)`` costs."""
    return MinHash(num_perm=num_perm, seed=1)


def estimate_containment(a: MinHash, size_a: int, b: MinHash, size_b: int) -> float:
    """Share of the smaller set found in the other, from the Jaccard estimate and the sizes."""
    if not size_a or not size_b:
        return 0.0
    jaccard = a.jaccard(b)
    overlap = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, overlap / min(size_a, size_b))
