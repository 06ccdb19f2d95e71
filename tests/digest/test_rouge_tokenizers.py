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
