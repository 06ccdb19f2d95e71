"""Feed parsing: RSS 0.9x/1.0/2.0 and Atom (feedparser) and JSON Feed, into partial Articles.

XML is screened with defusedxml first: a document that declares entities (the vehicle of XXE
and of entity-expansion bombs such as the billion laughs) is refused before feedparser sees
it. Each entry becomes an ``Article`` holding the feed's summary, marked ``partial`` until
the page itself is fetched and extracted.
"""

from __future__ import annotations

import calendar
import codecs
import json
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException

from crosswire.extract.text import plain_text
from crosswire.ingest.decoding import decode_text, header_charset
from crosswire.ingest.errors import FeedError
from crosswire.models import Article, plausible_publication
from crosswire.text.dates import parse_date

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_JSON_TYPES = ("application/feed+json", "application/json")
_CHARREF = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_ENCODING = re.compile(rb"""\A(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])([^"']*)\2""", re.I)


@dataclass
class ParsedFeed:
    url: str
    title: str | None = None
    site_url: str | None = None
    language: str | None = None
    articles: list[Article] = field(default_factory=list)
    kind: str = ""  # rss20, atom10, json1, ...
    warning: str | None = None  # the document was malformed but entries could be read


def screen_xml(body: bytes) -> None:
    """Refuse XML that declares entities or fetches external resources."""
    try:
        SafeET.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FeedError(
            f"refused: the document declares XML entities ({type(exc).__name__}); "
            "possible XXE or entity-expansion bomb"
        ) from exc
    except (ParseError, ValueError, LookupError):
        # malformed: feedparser's lenient parser may still read it; keep the entity screen
        if _ENTITY_DECL.search(body):
            raise FeedError(
                "refused: the document declares XML entities; possible XXE or entity bomb"
            ) from None


def readable_encoding(body: bytes, content_type: str = "") -> tuple[bytes, str]:
    """The document re-encoded as UTF-8 when it names a charset no codec has (``"bogus"``,
    ``"utf8mb4"``) in its XML declaration or its Content-Type: the bytes are decoded the way
    pages are (BOM, valid UTF-8, else a guess) and the declaration made to say ``utf-8``."""
    declared = _XML_ENCODING.match(body)
    header = header_charset(content_type)
    unknown_decl = declared is not None and not _known_codec(declared.group(3))
    unknown_header = header is not None and not _known_codec(header)
    if not unknown_decl and not unknown_header:
        return body, content_type
    if unknown_header:
        content_type = re.sub(r";\s*charset\s*=[^;]*", "", content_type, flags=re.I)
    text, _ = decode_text(body, content_type)
    if unknown_decl:
        text = _set_declared_utf8(text)
    media = content_type.split(";")[0].strip() or "application/xml"
    return text.encode("utf-8"), f"{media}; charset=utf-8"


def _set_declared_utf8(text: str) -> str:
    return re.sub(
        r"""\A(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""",
        lambda m: f"{m.group(1)}{m.group(2)}utf-8{m.group(2)}",
        text,
        count=1,
        flags=re.I,
    )


def _known_codec(name: bytes | str) -> bool:
    label = name.decode("ascii", "replace") if isinstance(name, bytes) else name
    try:
        codecs.lookup(label.strip())
    except (LookupError, ValueError):
        return False
    return True


def _valid_charref(match: re.Match[bytes]) -> bytes:
    """A numeric character reference no character has becomes U+FFFD."""
    digits = match.group(1)
    value = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    return match.group(0) if value <= 0x10FFFF else b"&#xFFFD;"


def looks_like_json(body: bytes, content_type: str = "") -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind in _JSON_TYPES or body.lstrip()[:1] in (b"{", b"[")


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Read a feed document; raise ``FeedError`` (one line) if it is not a usable feed."""
    if not body.strip():
        raise FeedError("empty document")
    if looks_like_json(body, content_type):
        return parse_json_feed(body, url)
    body, content_type = readable_encoding(body, content_type)
    screen_xml(body)
    body = _CHARREF.sub(_valid_charref, body)  # feedparser's chr() fails past U+10FFFF
    try:
        parsed = feedparser.parse(
            body,
            response_headers={"content-location": url, "content-type": content_type or "text/xml"},
            sanitize_html=True,
            resolve_relative_uris=True,
        )
    except Exception as exc:  # noqa: BLE001 - the lenient parser has more ways to fail
        raise FeedError(f"malformed feed: {type(exc).__name__}: {_first_line(exc)}") from exc
    if not parsed.get("version") and not parsed.entries:
        if parsed.get("bozo"):
            raise FeedError(f"malformed XML: {_first_line(parsed.get('bozo_exception'))}")
        raise FeedError("not an RSS, Atom or JSON feed")
    info = parsed.feed
    feed = ParsedFeed(
        url=url,
        title=_detail_text(info, "title"),
        site_url=info.get("link"),
        language=_lang(info.get("language")),
        kind=parsed.get("version") or "unknown",
    )
    if parsed.get("bozo"):
        feed.warning = f"malformed XML, read leniently: {_first_line(parsed.get('bozo_exception'))}"
    for entry in parsed.entries:
        article = _entry_article(entry, feed)
        if article is not None:
            feed.articles.append(article)
    if parsed.get("bozo") and not feed.articles:
        raise FeedError(f"malformed XML: {_first_line(parsed.get('bozo_exception'))}")
    return feed


def _entry_article(entry: Any, feed: ParsedFeed) -> Article | None:
    link = entry.get("link") or _alternate(entry)
    title = _detail_text(entry, "title")
    summary = entry.get("summary") or ""
    if not summary and entry.get("content"):
        summary = entry["content"][0].get("value", "")
    text = plain_text(summary)
    if not link and not title and not text:
        return None
    when = entry_date(entry)
    url = _join(feed.url, link)
    guid = entry.get("id") or entry.get("guid")
    return Article(
        title=title or text[:120] or (url or ""),
        text=text,
        url=url,
        external_id=None if url else f"{feed.url}#{guid or title}",
        byline=_clean(entry.get("author")),
        published_at=plausible_publication(when),
        language=_lang(entry.get("language")) or feed.language,
        source=_domain(url or feed.site_url or feed.url),
        site_name=feed.title,
        partial=True,
    )


def entry_date(entry: Any) -> datetime | None:
    """When an entry was published (else updated): its date as written, read in any of the
    feed languages (``ingest.dates``), else as feedparser read it."""
    # dict.get: feedparser's own get maps a missing updated to published, with a warning
    for raw, parsed in (
        (dict.get(entry, "published"), dict.get(entry, "published_parsed")),
        (dict.get(entry, "updated"), dict.get(entry, "updated_parsed")),
    ):
        when = parse_date(raw) if isinstance(raw, str) else None
        if when is None:
            when = _struct_time(parsed)
        if when is not None:
            return when
    return None


def _alternate(entry: Any) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"malformed JSON feed: {_first_line(exc)}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedError("not a JSON Feed (no https://jsonfeed.org/version/ version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError("JSON Feed without an items list")
    feed = ParsedFeed(
        url=url,
        title=_plain(_str(data.get("title"))),
        site_url=_str(data.get("home_page_url")),
        language=_lang(_str(data.get("language"))),
        kind="json" + str(data["version"]).rstrip("/").rsplit("/", 1)[-1],
    )
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _str(item.get("url")) or _str(item.get("external_url"))
        html = _str(item.get("content_html")) or _str(item.get("summary")) or ""
        text = _str(item.get("content_text")) or plain_text(html)
        title = _plain(_str(item.get("title")))  # JSON Feed titles are plain text
        if not link and not title and not text:
            continue
        full_url = _join(url, link)
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        if not isinstance(authors, list):  # e.g. "authors": 3
            authors = []
        names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
        feed.articles.append(
            Article(
                title=title or text[:120] or (full_url or ""),
                text=text,
                url=full_url,
                external_id=None if full_url else f"{url}#{item.get('id') or title}",
                byline=", ".join(str(n) for n in names) or None,
                published_at=plausible_publication(
                    parse_date(_str(item.get("date_published")))
                    or parse_date(_str(item.get("date_modified")))
                ),
                language=_lang(_str(item.get("language"))) or feed.language,
                source=_domain(full_url or feed.site_url or url),
                site_name=feed.title,
                partial=True,
            )
        )
    return feed


# small helpers --------------------------------------------------------------------------


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _detail_text(entry: Any, key: str) -> str | None:
    """A title as text: kept literally where the feed says it is plain text (``&lt;blink&gt;``
    is the word ``<blink>``), the text of its markup where the feed says it is HTML."""
    detail = entry.get(f"{key}_detail") or {}
    if str(detail.get("type", "")).lower() in ("text/plain", "text"):
        return _plain(entry.get(key))
    return _clean(entry.get(key))


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(_CONTROL.sub("", value).split()) or None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    text = plain_text(value) if "<" in value or "&" in value else value
    return " ".join(text.split()) or None


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _struct_time(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _join(base: str, link: Any) -> str | None:
    """An entry's link made absolute; None for a link that is no URL (an unclosed bracket)."""
    if not link or not isinstance(link, str):
        return None
    try:
        return urljoin(base, link)
    except ValueError:
        return None


def _domain(url: str | None) -> str | None:  # same rule as extract.article.domain_of
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def _first_line(exc: object) -> str:
    text = str(exc or "").strip().splitlines()
    return text[0] if text else type(exc).__name__
