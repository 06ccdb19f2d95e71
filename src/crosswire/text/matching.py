"""Whether two sentences say the same thing.

Two sentences match when their (cross-lingual) embeddings are close, or — for languages the
embedder knows less well — when they share most of their words. The digest credits outlets
with the sentences that match a summary sentence; the comparison pairs sentences with it.
"""

from __future__ import annotations

from crosswire.text.sentences import Sentence

MIN_SHARED_WORDS = 5
MIN_CONTAINMENT = 0.6


def lexical_match(a: list[str], b: list[str]) -> float:
    """Share of the shorter sentence's words found in the other (0 when fewer than 5 shared)."""
    sa, sb = set(a), set(b)
    shared = len(sa & sb)
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return shared / min(len(sa), len(sb))


def sentences_match(a: Sentence, b: Sentence, cosine: float, threshold: float) -> float:
    """A match score ≥ ``threshold`` when ``a`` and ``b`` say the same thing, else lower."""
    if cosine >= threshold:
        return cosine
    if a.language and a.language == b.language:
        containment = lexical_match(a.words, b.words)
        if containment >= MIN_CONTAINMENT:
            return max(cosine, threshold + (containment - MIN_CONTAINMENT) * 0.1)
    return cosine
