"""Language of an article whose extraction did not give one."""

from __future__ import annotations

from crosswire.models import Article

# Languages the multilingual Universal Sentence Encoder was trained on (Yang et al., 2019).
USEM3_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())


class AnyLanguage(frozenset):
    """Membership is always true: embedders whose coverage crosswire does not know."""

    def __contains__(self, item: object) -> bool:
        return True


def covered_languages(embedder: str) -> frozenset[str]:
    """Languages whose embeddings can be compared across languages for ``embedder``."""
    if embedder == "usem3":
        return USEM3_LANGUAGES
    return AnyLanguage()


def detect_language(article: Article) -> str:
    """ISO 639-1 code guessed from the title and the opening of the text ("und" if empty)."""
    sample = f"{article.title or ''} {(article.text or '')[:600]}".strip()
    if not sample:
        return "und"
    import py3langid

    language, _ = py3langid.classify(sample)
    return str(language)
