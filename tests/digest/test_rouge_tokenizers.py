"""ROUGE tokenizers: words in any script by default; ROUGE-1.5.5's [a-z0-9] runs on request."""

from __future__ import annotations

from crosswire.eval.rouge import Rouge155Tokenizer, UnicodeTokenizer, rouge


def test_unicode_tokenizer_keeps_every_script():
    assert UnicodeTokenizer().tokenize("Žluťoučký kůň, שלום 2004") == [
        "žluťoučký",
        "kůň",
        "שלום",
        "2004",
    ]


def test_rouge155_tokenizer_keeps_only_ascii_letters_and_digits():
    assert Rouge155Tokenizer().tokenize("Žluťoučký kůň, שלום 9.1") == [
        "lu",
        "ou",
        "k",
        "k",
        "9",
        "1",
    ]


def test_tokenizer_changes_the_score():
    summary, reference = "שלום עולם 2004", "שלום לכם 2004"
    assert rouge(summary, [reference])["rouge1_recall"] > 0.6
    assert rouge(summary, [reference], "rouge155")["rouge1_recall"] == 1.0  # only "2004" is left


def test_recall_pools_the_references_as_rouge155_model_average():
    # ROUGE-1.5.5 -f A: hits summed over the references over their n-grams summed.
    # Summary "a b c": 3 of the 4 words of the first reference, 1 of the 2 of the second
    # reference: (3 + 1) / (4 + 2) = 2/3, not the mean of 3/4 and 1/2 (5/8).
    scores = rouge("a b c", ["a b c d", "a e"])
    assert scores["rouge1_recall"] == 2 / 3
    # bigrams: "a b", "b c" of the first reference's 3, none of the second's 1: 2/4
    assert scores["rouge2_recall"] == 0.5


def test_a_repeated_word_matches_only_as_often_as_each_reference_has_it():
    assert rouge("a a a", ["a b", "a a"])["rouge1_recall"] == 3 / 4  # (1 + 2) / (2 + 2)
