"""Property-based: any JSON value on an import line is an Article or a ValueError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.cli.import_cmd import article_from_record

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {},
    optional={
        key: json_values | st.text()
        for key in ("id", "title", "text", "lang", "date", "source", "url", "story")
    },
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(records, json_values))
def test_any_record_is_an_article_or_a_value_error(record):
    try:
        article = article_from_record(record)
    except ValueError as exc:
        assert str(exc)  # a message the import command prints with the line number
        return
    assert isinstance(article.title, str) and isinstance(article.text, str)
    assert article.title.strip() or article.text.strip()
    assert article.published_at is None or article.published_at.tzinfo is not None
