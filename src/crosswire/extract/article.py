"""One HTML page in, one ``Article`` out: trafilatura for the text and metadata (htmldate for
the date), py3langid for the language, our own credit-line detection and URL normalisation.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, time, timedelta
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from trafilatura.utils import load_html

from crosswire.extract.authors import clean_names, find_authors, name_key, split_byline
from crosswire.extract.body import (
    PRUNE_OUTSIDE_BODY,
    dateline_wire,
    declared_body,
    drop_kickers,
    drop_leading_labels,
    mark_body,
    wrap_loose_text,
)
from crosswire.extract.credits import find_credit
from crosswire.extract.language import detect_language
from crosswire.extract.metadata import (
    declared_date,
    declared_title,
    json_ld_objects,
    shown_date,
    site_names,
    stamped_days,
    strip_site_name,
    trackback_date,
)
from crosswire.models import Article, normalise_text, plausible_publication, utcnow
from crosswire.urls import normalise_url

log = logging.getLogger(__name__)

# htmldate's default output is the day only: ask for the time and offset too (a page that
# gives only a day still reads as midnight UTC)
DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
LOCAL_MIDNIGHT_FROM = 20  # UTC hour: midnight at UTC+4 … UTC+1
SHOWN_WITHIN = timedelta(days=14)  # a <time> further from a CMS stamp is another article's
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.I)


class ExtractionError(Exception):
    """No article text could be found in the page; the message is one line. ``article``
    holds what the page says about itself all the same (title, byline, date …), or None
    when the page could not be parsed at all."""

    def __init__(self, message: str, article: Article | None = None) -> None:
        super().__init__(message)
        self.article = article


def extract_article(
    html: str,
    url: str | None = None,
    *,
    fetched_at: datetime | None = None,
    min_chars: int = 80,
    title_from_text: bool = True,
) -> Article:
    """Extract the article in ``html`` (fetched from ``url``).

    A page without a title of its own gets the first line of its text as title, unless
    ``title_from_text`` is false (then the title is empty, for a feed's title to fill in).
    Raises ``ExtractionError`` when the page holds no main text of at least ``min_chars``.
    """
    try:
        tree = load_html(html)
        if tree is None:
            raise ValueError("empty HTML document")
        objects = json_ld_objects(tree)
        declared_authors = find_authors(tree, objects=objects)
        names = site_names(tree, objects)
        og_title = declared_title(tree, objects)
        own_date = declared_date(tree, objects) or trackback_date(html)
        stamped = stamped_days(tree)
        shown = shown_date(tree) if stamped else None  # read only where a stamp may yield
        marked = declared_body(tree)
        if marked is not None:
            mark_body(marked)
        drop_kickers(tree)
        wrap_loose_text(tree)
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=DATE_PARAMS,
            prune_xpath=PRUNE_OUTSIDE_BODY if marked is not None else None,
        )
        if doc is None:  # too little text: the page's metadata all the same
            doc = trafilatura.extract_metadata(load_html(html), url, date_config=DATE_PARAMS)
    except Exception as exc:  # noqa: BLE001 - the library raises many kinds on odd input
        reason = " ".join(str(exc).split())[:300]
        raise ExtractionError(f"cannot parse page: {type(exc).__name__}: {reason}") from exc
    text = (getattr(doc, "text", None) or "").strip()
    credit, text = find_credit(text)
    sitename = getattr(doc, "sitename", None)
    title = (og_title or getattr(doc, "title", None) or "").strip()
    title = strip_site_name(title, names | ({sitename} if sitename else set()))
    first, _, rest = text.partition("\n")
    if rest and title and normalise_text(first) == normalise_text(title):
        text = rest.strip()  # the headline repeated as the body's first line
    text = drop_leading_labels(text)
    origin = credit.origin if credit else dateline_wire(text)
    hint = _html_lang(html)
    article = Article(
        title=title,
        text=text,
        url=url,
        canonical_url=canonical_url(_declared_canonical(html) or getattr(doc, "url", None), url),
        byline=", ".join(_authors(declared_authors, doc, url)) or None,
        published_at=shown_over_stamp(
            choose_date(page_date(getattr(doc, "date", None)), own_date), stamped, shown
        ),
        fetched_at=fetched_at or utcnow(),
        language=detect_language(f"{title}\n{text}", hint=hint),
        source=domain_of(url or getattr(doc, "url", None)),
        site_name=(getattr(doc, "sitename", None) or None),
        origin=origin,
    )
    if len(text) < min_chars:
        where = " ".join((url or "").split()) or "the page"  # one line, whatever the URL
        raise ExtractionError(f"no article text found in {where}", article)
    if not article.title and title_from_text:
        article.title = text.split("\n", 1)[0][:200]
    return article


def _authors(declared: list[str], doc: Any, url: str | None) -> list[str]:
    """The page's declared authors, else the byline trafilatura found; never the publisher."""
    banned = {name_key(n) for n in (getattr(doc, "sitename", None), domain_of(url)) if n}
    kept = [name for name in declared if name_key(name) not in banned]
    return kept or clean_names(split_byline(getattr(doc, "author", None)), banned)


def canonical_url(declared: str | None, url: str | None) -> str | None:
    """The page's declared canonical URL (made absolute) if it is http(s), else the fetched
    URL; either way normalised (no fragment, no tracking parameters). A declared URL that is
    no URL at all is ignored; None when neither is one."""
    if declared:
        try:
            joined = urljoin(url, declared) if url else declared
            if urlsplit(joined).scheme in ("http", "https"):
                return normalise_url(joined)
        except ValueError:  # a hostile page's canonical link: an unclosed bracket, a bad port
            pass
    try:
        return normalise_url(url) if url else None
    except ValueError:
        return None


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # an unclosed IPv6 bracket
        return None
    return host.removeprefix("www.") or None


def _declared_canonical(html: str) -> str | None:
    """``<link rel="canonical" href>`` as written (relative ones included)."""
    head = html[: html.find("</head>") if "</head>" in html[:200_000] else 50_000]
    for tag in _LINK_TAG.findall(head):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag)}
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            return unescape(attrs["href"].strip())
    return None


def _html_lang(html: str) -> str | None:
    match = _HTML_LANG.search(html[:5000])
    return match.group(1).lower() if match else None


def choose_date(found: datetime | None, declared: datetime | None) -> datetime | None:
    """htmldate's date, else the date the page's metadata declares (never a future one).

    The declared date is kept instead where it is the more precise statement of the same
    thing: the same instant (it carries the page's own offset), or a time of day with a
    local offset where htmldate found only a day. A declared time in UTC does not replace a
    day: its UTC day may not be the day the page names."""
    declared = plausible_publication(declared)
    if found is None:
        return declared
    if declared is None:
        return found
    if abs((found - declared).total_seconds()) < 60:
        return declared
    if _day_only(found) and not _day_only(declared) and declared.utcoffset():
        return declared
    return found


def shown_over_stamp(
    found: datetime | None, stamped: set[date], shown: datetime | None
) -> datetime | None:
    """A date that is the day of a generic date meta (a CMS's stamp, often of the page's
    last change) gives way to the date the body shows in a ``<time>`` element where the two
    are days apart; weeks apart (``SHOWN_WITHIN``), the ``<time>`` is taken for another
    article's (a list of related ones)."""
    shown = plausible_publication(shown)
    if found is None or shown is None or found.date() not in stamped:
        return found
    if timedelta(days=1) <= abs(found.date() - shown.date()) <= SHOWN_WITHIN:
        return shown
    return found


def _day_only(when: datetime) -> bool:
    return (when.hour, when.minute, when.second, when.microsecond) == (0, 0, 0, 0)


def page_date(value: str | None) -> datetime | None:
    """A date htmldate read, as an aware datetime in the page's own offset (so that its day
    is the day the page names). A date without a time of day (midnight, whatever offset it
    was given) is midnight UTC of that day: converting a local midnight to UTC would move
    a day-only publication to the previous day. Likewise a UTC time exactly on the hour
    late in the evening (``LOCAL_MIDNIGHT_FROM`` or later: 23:00:00+00:00) is read as what it
    almost always is, the next day's midnight in a zone east of UTC (Europe, Africa, Asia)
    converted by the page's software."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None or (when.hour, when.minute, when.second) == (0, 0, 0):
        return when.replace(tzinfo=UTC)
    if (
        when.utcoffset() == timedelta(0)
        and when.hour >= LOCAL_MIDNIGHT_FROM
        and ((when.minute, when.second) == (0, 0))
    ):  # a day-only date that the page's software turned into UTC from a zone east of it
        return datetime.combine(when.date() + timedelta(days=1), time(), UTC)
    return when
