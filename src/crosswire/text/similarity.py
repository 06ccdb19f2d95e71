"""Sentence vectors that are honest about what the embedder knows.

Multilingual USE v3 was trained on 16 languages. On the others (Czech, Greek, Hebrew, Hindi …)
it still returns vectors, but they say little: the median cosine between two unrelated Hebrew
sentences of one story is about 0.75, above the threshold at which two sentences "say the same
thing". Trusting them would credit every Hebrew outlet with every sentence and make the
redundancy filter drop half the candidates at random.

So a sentence in a language the embedder does not know gets a *lexical* vector instead: its
words, hashed (square-root term frequency, L2-normalised), in a block of dimensions of its own.
The dot product of two rows is then

- the embedding cosine when the embedder knows both languages (cross-lingual);
- the word-overlap cosine between two sentences of languages it does not know (in practice the
  same language: other scripts share no words);
- 0 between the two kinds: no cross-lingual credit where there is no evidence for it.

The lexical block is only added when a story has such sentences, so stories in the embedder's
languages keep their vectors (and their cost) unchanged; the embedding block always comes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from crosswire.text.words import words

# The languages multilingual USE v3 was trained on (Yang et al., 2019); other embedders
# (sentence-transformers models) are assumed to cover the reader's language, and the hashing
# embedder is lexical already.
USEM3_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())
LEXICAL_DIM = 2048


def embedder_knows(embedder: str, language: str) -> bool:
    """Whether ``embedder`` gives meaningful vectors for ``language`` (unknown language: yes)."""
    if not language:
        return True
    if embedder == "usem3":
        return language in USEM3_LANGUAGES
    return not embedder.startswith("hashing")


@lru_cache(maxsize=1)
def _hasher():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=LEXICAL_DIM, analyzer=lambda tokens: tokens, alternate_sign=False, norm=None
    )


def lexical_vectors(token_lists: Sequence[list[str]]) -> np.ndarray:
    """Hashed bag-of-words rows (square-root counts), L2-normalised."""
    if not token_lists:
        return np.zeros((0, LEXICAL_DIM), dtype=np.float32)
    matrix = _hasher().transform(token_lists)
    matrix.data = np.sqrt(matrix.data)
    dense = matrix.toarray().astype(np.float32)
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return dense / norms


def sentence_vectors(texts: Sequence[str], languages: Sequence[str], embed) -> np.ndarray:
    """One row per text: the embedding where ``embed`` knows the language, else a lexical
    vector in a block of its own (see the module's docstring)."""
    name = getattr(embed, "name", "")
    known = np.array([embedder_knows(name, lang) for lang in languages], dtype=bool)
    if known.all():
        return np.asarray(embed.encode(list(texts)), dtype=np.float32)
    dim = int(embed.dim)
    out = np.zeros((len(texts), dim + LEXICAL_DIM), dtype=np.float32)
    idx = np.flatnonzero(known)
    if len(idx):
        out[idx, :dim] = embed.encode([texts[int(i)] for i in idx])
    idx = np.flatnonzero(~known)
    out[idx, dim:] = lexical_vectors([words(texts[int(i)]) for i in idx])
    return out
