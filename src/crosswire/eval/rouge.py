"""ROUGE with a Unicode-aware tokenizer.

ROUGE-1 and ROUGE-2 recall as ROUGE-1.5.5 computes them with ``-f A`` (the "model average"
formula of the official MultiLing 2011 settings): a summary's clipped n-gram hits are summed
over its references and divided by the references' n-grams summed, so a longer reference
weighs more (not the mean of per-reference recalls, which is no setting of ROUGE-1.5.5). No
stemming, no stop-word removal. ROUGE-L F1 (the official settings leave it out, ``-x``) is
Google's ``rouge-score`` per reference, averaged.

The default tokenizer gives case-folded runs of letters, digits and combining marks, so
Arabic, Greek, Hebrew, Czech and Hindi words count (``rouge-score``'s own keeps only
``[a-z0-9]``).

``tokenizer="rouge155"`` reproduces ROUGE-1.5.5's own tokenization instead (lower-case, every
character outside ``[a-z0-9]`` a separator), the one behind the official MultiLing 2011
figures: there a Hebrew or Hindi text is reduced to its digits and Latin words, and Czech or
French words are cut at every accented letter. Use it only to compare with those figures.
"""

from __future__ import annotations

from collections import Counter
from statistics import mean

import regex

from crosswire.text.words import words


class UnicodeTokenizer:
    def tokenize(self, text: str) -> list[str]:
        return words(text)


class Rouge155Tokenizer:
    def tokenize(self, text: str) -> list[str]:
        return regex.sub(r"[^a-z0-9]+", " ", text.lower()).split()


TOKENIZERS: dict[str, type[UnicodeTokenizer | Rouge155Tokenizer]] = {
    "unicode": UnicodeTokenizer,
    "rouge155": Rouge155Tokenizer,
}


def truncate_words(text: str, limit: int) -> str:
    """The first ``limit`` whitespace-separated words of ``text``."""
    return " ".join(text.split()[:limit])


def ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def recall_over_references(summary: list[str], references: list[list[str]], n: int) -> float:
    """ROUGE-N recall, ROUGE-1.5.5 ``-f A``: hits clipped per reference (an n-gram the
    summary has twice matches at most as often as the reference has it), summed over the
    references, over the references' n-grams summed."""
    found = ngrams(summary, n)
    hits = total = 0
    for reference in references:
        wanted = ngrams(reference, n)
        hits += sum((found & wanted).values())
        total += sum(wanted.values())
    return hits / total if total else 0.0


def rouge(summary: str, references: list[str], tokenizer: str = "unicode") -> dict[str, float]:
    """rouge1/rouge2 recall (pooled over ``references``, as ROUGE-1.5.5 ``-f A``) and rougeL
    F1 (mean over ``references``) of ``summary``."""
    from rouge_score import rouge_scorer

    splitter = TOKENIZERS[tokenizer]()
    tokens = splitter.tokenize(summary)
    refs = [splitter.tokenize(r) for r in references]
    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False, tokenizer=splitter)
    return {
        "rouge1_recall": recall_over_references(tokens, refs, 1),
        "rouge2_recall": recall_over_references(tokens, refs, 2),
        "rougeL_f": mean(scorer.score(r, summary)["rougeL"].fmeasure for r in references)
        if references
        else 0.0,
    }


def average(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = rows[0].keys() if rows else []
    return {k: round(mean(r[k] for r in rows), 4) for k in keys}
