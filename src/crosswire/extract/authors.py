"""Authors: who wrote a page, read from what the page declares, and only names of people.

Sources, best first: schema.org JSON-LD (``author`` of the article object, every one of
them), schema.org microdata (``itemprop="author"``), author meta tags (``author``,
``article:author``, ``parsely-author``, ``dc.creator`` …), then the byline the text
extractor found. Every candidate is cleaned ("By …", roles, dates after a semicolon) and
kept only if it looks like a person's name: not the publisher or site ("Ediciones El País",
"Lefigaro Fr"), not a wire agency, not interface text ("Account You're logged in").
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from lxml import html as lxml_html

from crosswire.text.months import MONTHS

_SPLIT = re.compile(r"\s*(?:,|;|\||\s/\s|\band\b|&|\bund\b|\bet\b)\s*", re.I)
_BY = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|przez|от|автор:?|written by|posted by|author:?)\s+",
    re.I,
)
_WIRES = frozenset(
    "ap afp reuters dpa efe ansa xinhua tass apa kna epd sda upi ap news associated press "
    "agence france-presse europa press".split(" ")
) | {"associated press", "agence france-presse", "europa press", "press association"}
_NOT_NAME_WORDS = frozenset(
    "account logged login log sign signed subscribe subscriber newsletter register menu search "
    "share comments comment follow home contact cookie cookies privacy advertisement advertising "
    "staff editor editors editorial desk team newsroom redaktion rédaction redacción redazione "
    "correspondent contributor contributors reporter writer columnist opinion news media press "
    "ediciones edition edizioni verlag group publishing times post daily tribune herald journal "
    "gazette magazine online com www http https fr de es it uk org net more read view profile "
    "photo photos video image images getty file".split()
)
_ROLE = re.compile(
    r"\s*(?:[,|–—-]\s*)?\b(?:staff writer|senior writer|special correspondent|correspondent|"
    r"reporter|contributor|editor|columnist|for [A-Z][\w .]+)$",
    re.I,
)
_ARTICLE_TYPES = re.compile(r"(?:Article|Posting|Report|WebPage)$")
MAX_AUTHORS = 8


def split_byline(byline: str | None) -> list[str]:
    """The names of a byline as crosswire stores it ("A, B and C")."""
    if not byline:
        return []
    return [name for name in (p.strip() for p in _SPLIT.split(byline)) if name]


def find_authors(
    tree: Any,
    fallback: str | None = None,
    *,
    publisher: Iterable[str | None] = (),
    objects: list[dict[str, Any]] | None = None,
) -> list[str]:
    """The page's authors (people only), best source first; ``fallback`` is a byline found
    by other means, ``publisher`` names (site name, domain) that are never authors."""
    banned = {name_key(p) for p in publisher if p}
    objects = json_ld_objects(tree) if objects is None else objects
    for candidates in (_json_ld_authors(objects), _microdata_authors(tree), _meta_authors(tree)):
        names = clean_names(candidates, banned)
        if names:
            return names
    return clean_names(split_byline(fallback), banned)


def clean_names(candidates: Iterable[str], banned: Collection[str] = ()) -> list[str]:
    """The person names among ``candidates`` (bylines split, cleaned, deduplicated), none of
    them in ``banned`` (keys as ``name_key`` makes them)."""
    names: list[str] = []
    seen: set[str] = set()
    for raw in candidates:
        for part in split_byline(raw) if isinstance(raw, str) else ():
            name = clean_name(part)
            key = name_key(name or "")
            if name and key not in seen and key not in banned and is_person_name(name):
                seen.add(key)
                names.append(name)
    return names[:MAX_AUTHORS]


def clean_name(text: str) -> str | None:
    name = " ".join(text.split()).strip(" .,:;|–—-()[]\"'“”")
    name = _BY.sub("", name)
    name = _ROLE.sub("", name).strip(" .,:;|–—-")
    return name or None


def is_person_name(name: str) -> bool:
    """Two to five words, letters only (initials, hyphens and apostrophes allowed), no
    interface or publisher words, not a wire agency."""
    if name_key(name) in _WIRES or "@" in name or "://" in name:
        return False
    words = name.replace("-", " ").split()
    if not 1 < len(words) <= 5:
        return False
    for word in words:
        bare = word.strip(".'’")
        if not bare or not all(c.isalpha() or c in ".'’" for c in word):
            return False
        if bare.lower() in _NOT_NAME_WORDS or bare.lower() in MONTHS:
            return False
    return True


def name_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


# sources ----------------------------------------------------------------------------------


def json_ld_objects(tree: Any) -> list[dict[str, Any]]:
    """Every JSON object of the page's ``application/ld+json`` scripts (``@graph`` opened)."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 200:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return found


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    return [str(k) for k in (kind if isinstance(kind, list) else [kind]) if k]


def is_article_object(item: dict[str, Any]) -> bool:
    return any(_ARTICLE_TYPES.search(kind) for kind in _types(item))


def _json_ld_authors(objects: list[dict[str, Any]]) -> Iterator[str]:
    for item in objects:
        if not is_article_object(item):
            continue
        authors = item.get("author") or item.get("creator")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, str):
                yield author
            elif isinstance(author, dict) and isinstance(author.get("name"), str):
                kinds = _types(author)
                if kinds and all(k == "Organization" or k.endswith("Organization") for k in kinds):
                    continue
                yield author["name"]


def _microdata_authors(tree: Any) -> Iterator[str]:
    for node in tree.xpath('//*[@itemprop and contains(concat(" ", @itemprop, " "), " author ")]'):
        names = node.xpath('.//*[@itemprop="name"]')
        target = names[0] if names else node
        value = target.get("content") or target.get("data-byline-name") or target.text_content()
        if value and len(value) < 120:
            yield value


_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)


def _meta_authors(tree: Any) -> Iterator[str]:
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key in _AUTHOR_META:
            value = meta.get("content") or ""
            if "://" not in value:
                yield value


def parse_tree(html: str) -> Any:
    return lxml_html.document_fromstring(html)
