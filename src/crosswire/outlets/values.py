"""An operator's values for an outlet's fields, checked: a bad one is a one-line ValueError."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from typing import Any

from crosswire.outlets.model import FIELDS, LEANINGS

CLEAR = ("", "none", "-")  # what clears a field
MAX_TEXT = 500
_ALIASES = {"language": "languages", "lean": "leaning", "type": "typology"}


@functools.cache
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


@functools.cache
def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def clean_value(field: str, raw: str | None) -> Any:
    """The stored form of one field's value; ``None`` clears it."""
    field = _ALIASES.get(field, field)
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r} (fields: {', '.join(FIELDS)})")
    text = (raw or "").strip()
    if text.lower() in CLEAR:
        return None
    if any(ord(c) < 32 for c in text) or len(text) > MAX_TEXT:
        raise ValueError(f"{field}: control characters or more than {MAX_TEXT} characters")
    if field == "leaning":
        value = text.lower().replace(" ", "-").replace("centre", "center")
        if value not in LEANINGS:
            raise ValueError(f"leaning {text!r} is not one of {', '.join(LEANINGS)} (or none)")
        return value
    if field == "country":
        code = text.upper()
        if code == "UK":
            code = "GB"
        if code not in _countries():
            raise ValueError(f"country {text!r} is not an ISO 3166-1 alpha-2 code (US, GB, FR …)")
        return code
    if field == "languages":
        codes = [c.strip().lower() for c in text.replace(";", ",").split(",") if c.strip()]
        bad = [c for c in codes if c not in _languages()]
        if bad or not codes:
            raise ValueError(f"languages {text!r}: not ISO 639-1 codes (en, fr, de …)")
        return list(dict.fromkeys(codes))
    if field == "typology":
        return text.lower().replace(" ", "-")
    return text


def clean_values(raw: dict[str, str | None]) -> dict[str, Any]:
    return {_ALIASES.get(k, k): clean_value(k, v) for k, v in raw.items()}


def read_ratings(path: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """``(line, domain, values)`` of an operator's CSV file: a header with ``domain`` and any
    of the fields (``language`` for ``languages``); an empty cell leaves a field alone,
    ``none`` clears it. Raises ValueError naming the line of the first bad row."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [(h or "").strip().lower() for h in reader.fieldnames or []]
        if "domain" not in header:
            raise ValueError(f"{path}: the first line must name the columns, 'domain' among them")
        unknown = [h for h in header if h != "domain" and _ALIASES.get(h, h) not in FIELDS]
        if unknown:
            raise ValueError(f"{path}: unknown column {unknown[0]!r} (fields: {', '.join(FIELDS)})")
        reader.fieldnames = header
        for row in reader:
            line = reader.line_num
            if None in row:
                raise ValueError(f"{path} line {line}: more cells than columns")
            domain = (row.pop("domain") or "").strip()
            if not domain:
                raise ValueError(f"{path} line {line}: no domain")
            given = {k: v for k, v in row.items() if v is not None and v.strip() != ""}
            try:
                yield line, domain, clean_values(given)
            except ValueError as exc:
                raise ValueError(f"{path} line {line}: {exc}") from exc
