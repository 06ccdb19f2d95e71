"""Story cards: the lead shown under a headline."""

from crosswire.web.views import LEAD_CHARS, first_sentence


def test_a_card_lead_is_the_first_whole_sentence():
    text = "The U.S. Supreme Court refused on Monday to hear the case. Mr. Lee appealed."
    assert first_sentence(text) == "The U.S. Supreme Court refused on Monday to hear the case."


def test_a_long_first_sentence_is_cut_with_an_ellipsis():
    lead = first_sentence("word " * 200)
    assert len(lead) == LEAD_CHARS
    assert lead.endswith("…")


def test_no_text_gives_no_lead():
    assert first_sentence("") == ""


def test_story_header_counts_agree_with_the_spread_chart(sqlite_store):
    from datetime import UTC, datetime

    from crosswire.models import Article, Source
    from crosswire.web.views import story_detail

    store = sqlite_store
    store.upsert_source(Source(domain="left.example", leaning="left"))
    ids = []
    for n, source in enumerate(["left.example", "left.example", "plain.example", None]):
        article, _ = store.add_article(
            Article(
                title=f"Ferry service starts {n}",
                text=f"The ferry started on Monday, report {n}.",
                url=f"https://{source or 'nowhere.example'}/{n}",
                source=source,
                language="en",
                published_at=datetime(2014, 8, 20 + n, 9, 30, tzinfo=UTC),
            )
        )
        ids.append(article.id)
    story = store.create_story("ferry", ids, datetime(2019, 1, 1, tzinfo=UTC))
    table = {s.domain: s for s in store.list_sources()}
    detail = story_detail(store, store.get_story(story.id), table)
    assert (detail["article_count"], detail["source_count"]) == (4, 2)
    assert sum(detail["digest"].spread.leaning.values()) == 2  # as the header says
    assert detail["updated"] == "2014-08-23T09:30:00Z"  # the newest article, not the rebuild
