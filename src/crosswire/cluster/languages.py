"""Language of an article whose extraction did not give one."""

from __future__ import annotations

from crosswire.models import Article


def detect_language(article: Article) -> str:
    """ISO 639-1 code guessed from the title and the opening of the text ("und" if empty)."""
    sample = f"{article.title or ''} {(article.text or '')[:600]}".strip()
    if not sample:
        return "und"
    import py3langid

    language, _ = py3langid.classify(sample)
    return str(language)
