"""Choose the summary's sentences: central, covering distinct facts, not redundant, diverse.

A greedy maximisation in the style of Lin & Bilmes (2011). Each step takes the candidate with
the best gain per word (``cost_exponent`` < 1 softens the length penalty), where the gain is

- coverage: the weight of word bigrams ("concepts") the sentence adds; a bigram's weight is the
  number of distinct articles using it, so facts many outlets report weigh most;
- centrality: cosine to the story centroid (the mean of per-article centroids, so every
  outlet counts equally and the embedding is cross-lingual);
- a lead bonus (news puts its main facts first) and a bonus for an outlet not yet quoted;
- less for a sentence in the first person (``text.voice``): someone's voice, a quotation,
  not the story's (AllSides train[:1200] R2 0.2026 -> 0.2033).

Candidates that say what a chosen sentence says are skipped: too close in cosine, or (in one
language) sharing most of their words with it, the attribution's rule of "the same thing"
(``text.matching.lexical_match``), so no two bullets credit each other's outlets. Of the
sentences that say the fact a step takes, the one kept is the closest to the story's centre
and headlines, with the lead bonus (``repeats``; AllSides train[:1200] R2 0.1984 -> 0.2026).

Concepts, common words and lexical centrality match words without their clitic prefixes
(``clitics.match_words``): in Hebrew and Arabic one word has many surface forms ("הממשלה",
"לממשלה", "והממשלה"), and counted as they are written, a fact two outlets share looks like two.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from crosswire.compare.numbers import figures_disagree
from crosswire.text.clitics import match_words
from crosswire.text.matching import MIN_CONTAINMENT, lexical_match
from crosswire.text.sentences import StorySentences
from crosswire.text.voice import first_person


@dataclass(frozen=True)
class SelectionWeights:
    centrality: float = 2.0
    coverage: float = 1.0
    lead: float = 1.0
    new_source: float = 0.0
    cost_exponent: float = 0.3
    common_words: int = 10  # the story's most frequent words: bigrams of two of them are ignored
    unigrams: float = 0.0  # weight of single (not common) words as concepts, next to bigrams
    title: float = 1.0  # similarity to the articles' titles
    lexical: float = 0.0  # tf-idf cosine to the story's word centroid (any language)
    lexical_fallback: float = 4.0  # its weight instead, when the embedding features are off
    first_person: float = 0.5  # taken off a sentence in the first person (``text.voice``)


def story_centroid(story: StorySentences) -> np.ndarray:
    by_article: dict[int, list[int]] = {}
    for i, s in enumerate(story.sentences):
        by_article.setdefault(s.article_id, []).append(i)
    centroids = [story.vectors[idx].mean(axis=0) for idx in by_article.values()]
    centroid = np.mean(centroids, axis=0)
    norm = np.linalg.norm(centroid)
    return centroid / norm if norm else centroid


def matching_words(story: StorySentences) -> list[list[str]]:
    """Each sentence's words as the selection matches them: without clitic prefixes where the
    language writes them on the word (the summary's text and its word counts are unchanged)."""
    return [match_words(s.words, s.language) for s in story.sentences]


def common_words(terms: list[list[str]], n: int) -> set[str]:
    """The ``n`` words found in most sentences (``terms``: ``matching_words``): the language's
    function words, mostly."""
    # dict.fromkeys, not set: ties keep the text's order, whatever the process's hash seed
    counts = Counter(w for t in terms for w in dict.fromkeys(t))
    return {w for w, _ in counts.most_common(n)}


def concepts_of(tokens: list[str], common: set[str], unigrams: bool) -> set[tuple[str, ...]]:
    """Word bigrams not made of two common words; with ``unigrams``, uncommon words too."""
    grams: set[tuple[str, ...]] = {
        (a, b)
        for a, b in zip(tokens, tokens[1:], strict=False)
        if not (a in common and b in common)
    }
    if unigrams:
        grams |= {(t,) for t in tokens if t not in common and not t.isdigit()}
    return grams


def lexical_centrality(
    story: StorySentences, terms: list[list[str]], candidates: list[int]
) -> np.ndarray:
    """Cosine of each candidate's tf-idf vector (of its ``terms``, idf over the story's
    sentences) to the mean of the per-article tf-idf vectors."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True)
    matrix = vectorizer.fit_transform(terms)
    by_article: dict[int, list[int]] = {}
    for i, s in enumerate(story.sentences):
        by_article.setdefault(s.article_id, []).append(i)
    centroid = np.mean(
        [np.asarray(matrix[idx].mean(axis=0)).ravel() for idx in by_article.values()], axis=0
    )
    norm = np.linalg.norm(centroid)
    if not norm:
        return np.zeros(len(candidates))
    return np.asarray(matrix[candidates] @ (centroid / norm)).ravel()


def concept_weights(
    story: StorySentences, terms: list[list[str]], common: set[str], unigram_weight: float
) -> dict[tuple[str, ...], float]:
    """Concept → number of articles using it (times ``unigram_weight`` for single words);
    concepts used by one article only count when the story has one article."""
    df: Counter[tuple[str, ...]] = Counter()
    per_article: dict[int, set[tuple[str, ...]]] = {}
    for s, t in zip(story.sentences, terms, strict=True):
        per_article.setdefault(s.article_id, set()).update(
            concepts_of(t, common, unigram_weight > 0)
        )
    for grams in per_article.values():
        df.update(grams)
    floor = 2 if len(per_article) > 1 else 1
    return {
        g: float(n) * (unigram_weight if len(g) == 1 else 1.0) for g, n in df.items() if n >= floor
    }


def budget_words(text: str) -> int:
    """Whitespace-separated words: the unit of a word limit, as ROUGE-1.5.5's ``-l`` cuts.
    Not the tokenizer's words: "ע"י" is one word of the text and two tokens, and a dash
    between spaces is a word of the text and no token; counting tokens left summaries of
    Hebrew and Czech stories up to 18 words short of their budget."""
    return max(1, len(text.split()))


def select_sentences(
    story: StorySentences,
    candidates: list[int],
    max_sentences: int,
    max_words: int | None = None,
    redundancy: float = 0.8,
    weights: SelectionWeights | None = None,
    title_vectors: np.ndarray | None = None,
    semantic: bool = True,
    overrun: bool = False,
) -> list[int]:
    """Indices into ``story.sentences``, in the order chosen. ``semantic=False`` (a language
    the embedder was not trained on) leaves out the embedding features. With ``overrun`` the
    last sentence may run past ``max_words`` (for an evaluator that cuts every summary at the
    limit, as DUC and MultiLing did): sentences are added until the budget is spent. The budget
    counts words as a reader and ROUGE's cut do (``budget_words``); the cost per word that
    ranks candidates counts the tokenizer's words."""
    w = weights or SelectionWeights()
    if not candidates:
        return []
    centrality = np.zeros(len(candidates))
    if semantic:
        centrality += w.centrality * (story.vectors[candidates] @ story_centroid(story))
    terms = matching_words(story)
    lexical = w.lexical if semantic else w.lexical_fallback
    if lexical:
        centrality += lexical * lexical_centrality(story, terms, candidates)
    common = common_words(terms, w.common_words)
    concepts = concept_weights(story, terms, common, w.unigrams)
    total = sum(concepts.values()) or 1.0
    grams = [
        {g for g in concepts_of(terms[i], common, w.unigrams > 0) if g in concepts}
        for i in candidates
    ]
    if semantic and title_vectors is not None and len(title_vectors) and w.title:
        title_centroid = title_vectors.mean(axis=0)
        width = len(title_centroid)  # the embedding block (story vectors may add a lexical one)
        centrality += w.title * (story.vectors[candidates, :width] @ title_centroid)
    if w.first_person:  # someone's voice, not the story's: a quotation, a letter
        voiced = [story.sentences[i] for i in candidates]
        centrality -= w.first_person * np.array(
            [first_person(s.text, s.language) for s in voiced], dtype=float
        )
    lengths = np.array([max(1, len(story.sentences[i].words)) for i in candidates], dtype=float)
    spend = np.array([budget_words(story.sentences[i].text) for i in candidates])
    lead = np.array([1.0 / (1 + story.sentences[i].position) for i in candidates])
    standing = centrality + w.lead * lead  # which of the sentences saying one thing to keep
    covered: set[tuple[str, ...]] = set()
    sources: set[str] = set()
    chosen: list[int] = []
    used_words = 0
    alive = np.ones(len(candidates), dtype=bool)
    while alive.any() and len(chosen) < max_sentences:
        best, best_score = -1, -np.inf
        for k in np.flatnonzero(alive):
            if max_words is not None and used_words + spend[k] > max_words and not overrun:
                alive[k] = False
                continue
            gain = sum(concepts[g] for g in grams[k] - covered) / total * 10
            s = story.sentences[candidates[k]]
            score = (
                w.coverage * gain
                + float(centrality[k])
                + w.lead * float(lead[k])
                + (w.new_source if s.source not in sources else 0.0)
            )
            if max_words is not None:
                score /= lengths[k] ** w.cost_exponent
            if score > best_score:
                best, best_score = int(k), score
        if best < 0:
            break
        # of the sentences that say the same thing, the one closest to the story's centre and
        # headlines (with the lead bonus): the gain per word that found the fact favours the
        # wording with most word pairs for its length, not the one most like the story
        found = best
        same = repeats(story, candidates, alive, candidates[best], redundancy)
        same[best] = True
        best = int(max(np.flatnonzero(same), key=lambda k: float(standing[k])))
        index = candidates[best]
        chosen.append(index)
        covered |= grams[best]
        sources.add(story.sentences[index].source)
        used_words += int(spend[best])
        alive[best] = False
        # the repeats of the sentence found are known; another kept one has its own
        alive &= ~(same if best == found else repeats(story, candidates, alive, index, redundancy))
        if max_words is not None and used_words >= max_words:
            break
    return chosen


def repeats(
    story: StorySentences, candidates: list[int], alive: np.ndarray, index: int, redundancy: float
) -> np.ndarray:
    """Which ``alive`` candidates say what sentence ``index`` says: within ``redundancy`` in
    cosine or (in one language) sharing most of its words, unless they give other figures of
    one unit ("12 killed" and "31 killed": a difference, not a repeat)."""
    close = story.vectors[candidates] @ story.vectors[index] >= redundancy
    picked = story.sentences[index]
    for k in np.flatnonzero(alive):
        other = story.sentences[candidates[k]]
        if not close[k] and other.language == picked.language:
            close[k] = lexical_match(other.words, picked.words) >= MIN_CONTAINMENT
        if close[k] and figures_disagree(other.text, picked.text):
            close[k] = False
    return close & alive
