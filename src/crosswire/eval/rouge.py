"""ROUGE with a Unicode-aware tokenizer.

Scoring is Google's ``rouge-score`` re-implementation of ROUGE-1.5.5 (no stemming, no stop-word
removal), with our own tokenizer: case-folded runs of letters, digits and combining marks, so
Arabic, Greek, Hebrew, Czech and Hindi words count (the package's default tokenizer keeps
only ``[a-z0-9]``). With several references, each summary's score is the mean over them.

``tokenizer="rouge155"`` reproduces ROUGE-1.5.5's own tokenization instead (lower-case, every
character outside ``[a-z0-9]`` a separator), the one behind the official MultiLing 2011
figures: there a Hebrew or Hindi text is reduced to its digits and Latin words, and Czech or
French words are cut at every accented letter. Use it only to compare with those figures.
"""

from __future__ import annotations

from statistics import mean

import regex

from crosswire.digest.text import words


class UnicodeTokenizer:
    def tokenize(self, text: str) -> list[str]:
        return words(text)


class Rouge155Tokenizer:
    def tokenize(self, text: str) -> list[str]:
        return regex.sub(r"[^a-z0-9]+", " ", text.lower()).split()


TOKENIZERS = {"unicode": UnicodeTokenizer, "rouge155": Rouge155Tokenizer}


def truncate_words(text: str, limit: int) -> str:
    """The first ``limit`` whitespace-separated words of ``text``."""
    return " ".join(text.split()[:limit])


def rouge(summary: str, references: list[str], tokenizer: str = "unicode") -> dict[str, float]:
    """rouge1/rouge2 recall and rougeL F1 of ``summary``, averaged over ``references``."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(
        ["rouge1", "rouge2", "rougeL"], use_stemmer=False, tokenizer=TOKENIZERS[tokenizer]()
    )
    scores = [scorer.score(ref, summary) for ref in references]
    return {
        "rouge1_recall": mean(s["rouge1"].recall for s in scores),
        "rouge2_recall": mean(s["rouge2"].recall for s in scores),
        "rougeL_f": mean(s["rougeL"].fmeasure for s in scores),
    }


def average(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = rows[0].keys() if rows else []
    return {k: round(mean(r[k] for r in rows), 4) for k in keys}
