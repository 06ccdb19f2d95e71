"""Offline language identification (py3langid ships its model)."""

from __future__ import annotations

import threading

_lock = threading.Lock()
_identifier = None


def _model():  # noqa: ANN202 - py3langid's LanguageIdentifier
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import _load_identifier

            _identifier = _load_identifier(norm_probs=True)
        return _identifier


def detect_language(text: str, hint: str | None = None, sample: int = 1000) -> str | None:
    """ISO 639-1 code of ``text``; the page's declared ``hint`` wins when the text is too
    short to tell or the identifier is unsure."""
    snippet = (text or "")[:sample].strip()
    if len(snippet) < 20:
        return hint
    code, prob = _model().classify(snippet)
    if hint and prob < 0.9:
        return hint
    return str(code)
