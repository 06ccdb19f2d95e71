"""An article's lookup keys, made once and kept with the article."""

from __future__ import annotations

import numpy as np

from crosswire.cluster.index import QUERY_TERMS, _query_keys, query_keys
from crosswire.cluster.state import ArticleFeatures


def features(lexical: dict[str, float], anchors: dict[str, float]) -> ArticleFeatures:
    return ArticleFeatures(
        article_id=1,
        language="en",
        dense=np.zeros(4, dtype=np.float32),
        covered=True,
        lexical=lexical,
        anchors=anchors,
        timestamp=None,
        seq=1,
    )


def test_kept_keys_are_the_keys_made_anew() -> None:
    lexical = {f"w{i}": 1.0 / (i + 1) for i in range(30)}
    anchors = {"@kalo": 0.5, "#2004": 0.5, "@mira": 0.25}
    article = features(lexical, anchors)
    first = query_keys(article)
    assert first == _query_keys(article, QUERY_TERMS)
    assert query_keys(article) is first  # kept
    assert query_keys(article, 3) == _query_keys(article, 3)  # another limit: its own


def test_keys_follow_a_replaced_vector() -> None:
    article = features({"quake": 1.0}, {})
    assert query_keys(article) == ["en:quake"]
    article.lexical = {"flood": 1.0}
    assert query_keys(article) == ["en:flood"]
