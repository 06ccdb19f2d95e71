"""What a page declares about itself: its title without the site's name, its site names,
and its publication date from schema.org JSON-LD or Open Graph / article meta tags."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from html import unescape
from typing import Any

from crosswire.extract.authors import is_article_object, json_ld_objects
from crosswire.text.dates import parse_date

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|•)\s+")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
)
_STAMP_META = ("date", "dc.date", "dcterms.date")  # generic: often the page's last change
_MICRODATA_DATE = "//*[@itemprop='datePublished'][@datetime or @content][not(self::meta)]"
_TRACKBACK_DATE = re.compile(r"<rdf:Description\b[^>]*?\bdc:date\s*=\s*[\"']([^\"']{8,40})[\"']")


def first_meta(tree: Any, *keys: str) -> str | None:
    """The content of the first ``<meta>`` whose name or property is one of ``keys``."""
    wanted = {k.lower() for k in keys}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key.strip() in wanted and (meta.get("content") or "").strip():
            return " ".join(meta.get("content").split())
    return None


def site_names(tree: Any, objects: list[dict[str, Any]]) -> set[str]:
    """The names the page gives its site or publisher (Open Graph, JSON-LD)."""
    names = {first_meta(tree, "og:site_name"), first_meta(tree, "application-name")}
    for item in objects:
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.add(publisher["name"])
        if "WebSite" in str(item.get("@type")) and isinstance(item.get("name"), str):
            names.add(item["name"])
    return {" ".join(n.split()) for n in names if n and n.strip()}


def strip_site_name(title: str, names: set[str]) -> str:
    """``title`` without a leading or trailing segment that is the site's name
    ("Harbour bridge reopens | Tidewater Post"); a title that is only the name stays."""
    if not names or not title:
        return title
    folded = {n.casefold() for n in names}
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _SEPARATORS.findall(title)
    if parts[-1].strip().casefold() in folded:
        parts, seps = parts[:-1], seps[:-1]
    elif parts[0].strip().casefold() in folded:
        parts, seps = parts[1:], seps[1:]
    else:
        return title
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip() or title


def declared_title(tree: Any, objects: Sequence[dict[str, Any]] = ()) -> str | None:
    """The first Open Graph title (the one sharing previews use), else the headline of the
    page's JSON-LD article object."""
    title = first_meta(tree, "og:title")
    if title:
        return title
    for item in objects:
        if is_article_object(item) and isinstance(item.get("headline"), str):
            headline = " ".join(item["headline"].split())
            if headline:
                return headline
    return None


def declared_date(tree: Any, objects: list[dict[str, Any]]) -> datetime | None:
    """The publication date the page declares: its article object's ``datePublished``
    (text, or seconds since 1970), else the first article meta tag that is a date."""
    for item in objects:
        if is_article_object(item) and "datePublished" in item:
            when = _date_value(item["datePublished"])
            if when is not None:
                return when
    metas: dict[str, str] = {}  # one pass over the metas: the first content of each key
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if content and key.strip() in _DATE_META:
            metas.setdefault(key.strip(), content)
    for key in _DATE_META:
        when = _date_value(metas.get(key))
        if when is not None:
            return when
    for element in tree.xpath(_MICRODATA_DATE):  # <time itemprop="datePublished" datetime>
        when = _date_value(element.get("datetime") or element.get("content"))
        if when is not None:
            return when
    return None


def stamped_days(tree: Any) -> set[date]:
    """The days that generic date metas name (``date``, ``DC.date``, ``dcterms.date``); many
    CMSs fill them with the time the page was generated or last changed."""
    wanted = set(_STAMP_META)
    days = set()
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key in wanted:
            when = _date_value(meta.get("content"))
            if when is not None:
                days.add(when.date())
    return days


def shown_date(tree: Any) -> datetime | None:
    """The first date the page's body shows in a ``<time datetime>`` element."""
    for element in tree.xpath("//body//time[@datetime]"):
        when = _date_value(element.get("datetime"))
        if when is not None:
            return when
    return None


def trackback_date(html: str) -> datetime | None:
    """The ``dc:date`` of the trackback RDF block that blog software (Movable Type and its
    heirs) writes inside an HTML comment; a parsed tree has lost it with the comments."""
    if "rdf:Description" not in html:
        return None
    match = _TRACKBACK_DATE.search(html)
    return _date_value(unescape(match.group(1))) if match else None


def _date_value(value: Any) -> datetime | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return _date_value(int(text))
        return parse_date(text, utc=False)
    return None


__all__ = [
    "declared_date",
    "declared_title",
    "json_ld_objects",
    "shown_date",
    "site_names",
    "stamped_days",
    "strip_site_name",
    "trackback_date",
]
