"""Shingles and their MinHash signatures."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32

from crosswire.dedup.shingles import sha1_hashes, shingle, sign
from crosswire.models import normalise_text


def test_a_signature_is_datasketchs_own_of_the_same_shingles() -> None:
    text = (
        "The Corvane ferry left the harbour at dawn with 212 passengers, and the crew "
        "reported calm water until the storm reached the outer buoys near Lissendor."
    )
    shingles = shingle(text, 4)
    assert len(shingles) > 8
    theirs = MinHash(num_perm=128, seed=1)
    theirs.update_batch(list(shingles))
    assert np.array_equal(sign(shingles, 128).hashvalues, theirs.hashvalues)
    assert sign(shingles, 128).jaccard(theirs) == 1.0


def test_sha1_hashes_are_datasketchs_32_bit_hashes() -> None:
    values = [b"", b"a", "caf\u00e9 au lait".encode(), b"x" * 1000]
    assert sha1_hashes(values) == [sha1_hash32(v) for v in values]


def test_shingles_of_a_short_text_are_one_window() -> None:
    assert shingle("Storm  warning", 4) == {normalise_text("storm warning").encode()}
