"""Rebuild the shipped registry and feed catalogue from their public sources.

    python -m crosswire.outlets.build PATH/TO/kite-public

reads the project's default feed list and Kagi's kite-public files (MIT: ``media_data.json``,
``kite_feeds.json``) and writes ``registry.json`` and ``catalog.json`` beside this package's
``data/PROVENANCE.md``, which names every source. Fields are merged by precedence: the
project's own list, then kite's media file, then what the feed catalogue says (languages; the
country of a category named after a place), then the country-code domain.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crosswire.outlets.catalog import PLATFORMS
from crosswire.outlets.resolve import (
    NotAnOutlet,
    Resolver,
    country_of_domain,
    public_suffix,
    split_address,
)

DATA = Path(__file__).parent / "data"
CROSSWIRE, KITE_MEDIA, KITE_FEEDS, CCTLD = "crosswire", "kite-media", "kite-feeds", "cctld"
SOURCES = {
    CROSSWIRE: "crosswire: the default feed list and crosswire_outlets.json (facts)",
    KITE_MEDIA: "kagisearch/kite-public media_data.json (MIT, Copyright (c) 2024 Kagi Search)",
    KITE_FEEDS: "kagisearch/kite-public kite_feeds.json (MIT, Copyright (c) 2024 Kagi Search)",
    CCTLD: "the outlet's country-code domain (Public Suffix List via tldextract)",
}
# other domains of one outlet (its feed hosts, its other country sites) -> its key
ALIASES = {
    "bbc.co.uk": "bbc.com",
    "bbci.co.uk": "bbc.com",
    "skynews.com": "news.sky.com",
    "nyt.com": "nytimes.com",
    "huffingtonpost.com": "huffpost.com",
    "huffpost.co.uk": "huffpost.com",
    "cnn.it": "cnn.com",
    "elpais.es": "elpais.com",
    "spiegel.com": "spiegel.de",
    "libe.fr": "liberation.fr",
    "libe.com": "liberation.fr",
    "france24.fr": "france24.com",
}
TYPOLOGY = {  # kite's typology labels -> the project's vocabulary
    "private media": "private",
    "private enterprise": "private",
    "private independent media": "private",
    "independent media": "private",
    "print media": "private",
    "non-profit": "non-profit",
    "public media": "public-broadcaster",
    "public broadcaster": "public-broadcaster",
    "public agency (statutory, editorially independent)": "public-agency",
    "state funded media": "state-funded",
    "state media / digital": "state-funded",
}
LANGUAGE = {"gr": "el", "arq": "ar", "cnr": "sr", "zh-hans": "zh", "zh-hant": "zh"}
COUNTRY_NAMES = {  # names kite uses that ISO 3166 spells otherwise
    "usa": "US",
    "uk": "GB",
    "united kingdom": "GB",
    "the netherlands": "NL",
    "south korea": "KR",
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "taiwan": "TW",
    "palestine": "PS",
    "turkey": "TR",
    "czech republic": "CZ",
    "vietnam": "VN",
    "dr congo": "CD",
    "kosovo": "XK",
    "hong kong": "HK",
    "macau": "MO",
    "madeira island": "PT",
    "north carolina": "US",
    "bolivia": "BO",
    "venezuela": "VE",
    "moldova": "MD",
    "tanzania": "TZ",
}


def country_code(name: str) -> str | None:
    """An ISO 3166-1 alpha-2 code for a country name ("The Netherlands", "USA"); None for
    "Global", "International", regions and empty names."""
    import pycountry

    text = name.strip()
    if not text:
        return None
    text = text.split("/")[0].strip()  # "Netherlands/Morocco": the first one
    if text.lower() in COUNTRY_NAMES:
        return COUNTRY_NAMES[text.lower()]
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


def category_place(name: str) -> str | None:
    """The country a catalogue category is about: "Germany | Bavaria" -> DE, "Switzerland
    (FR)" -> CH, "USA | Texas" -> US; None for topics and world regions."""
    head = name.split("|")[0].split("(")[0].strip()
    return country_code(head)


def language_code(tag: str) -> str:
    tag = tag.strip().lower()
    return LANGUAGE.get(tag, tag.split("-")[0])


def _key(domain: str) -> str:
    host, path = split_address(domain)
    host = host.removeprefix("www.")
    return host + (("/" + path.strip("/")) if path.strip("/") else "")


class Draft:
    """An outlet being assembled: each field keeps the first value given (precedence)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.values: dict[str, Any] = {}
        self.provenance: dict[str, str] = {}
        self.languages: Counter[str] = Counter()
        self.first_language: str | None = None
        self.places: set[str] = set()

    def give(self, field: str, value: Any, source: str) -> None:
        if value and field not in self.values:
            self.values[field] = value
            self.provenance[field] = source


def build(kite: Path, defaults: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    drafts: dict[str, Draft] = {}

    def draft(key: str) -> Draft:
        return drafts.setdefault(key, Draft(key))

    own = json.loads((DATA / "crosswire_outlets.json").read_text("utf-8"))["sources"]
    for item in json.loads(defaults.read_text("utf-8"))["sources"] + own:
        d = draft(_key(item["domain"]))
        d.give("name", item.get("name"), CROSSWIRE)
        d.give("country", item.get("country"), CROSSWIRE)
        d.give("owner", item.get("owner"), CROSSWIRE)
        d.give("typology", item.get("typology"), CROSSWIRE)
        d.give("leaning", item.get("leaning"), CROSSWIRE)
        if item.get("language") and not d.first_language:
            d.first_language = item["language"]
            d.provenance["languages"] = CROSSWIRE
    media = json.loads((kite / "media_data.json").read_text("utf-8"))
    for item in media:
        keys = []
        for domain in item.get("domains") or []:
            try:
                keys.append(_key(domain))
            except NotAnOutlet:
                continue
        for key in dict.fromkeys(keys):
            key = ALIASES.get(key, key)
            d = draft(key)
            if len(keys) == 1 or _label(key) == _plain(item.get("organization") or ""):
                # a group's name (Groupe Le Monde) is not each of its titles' name
                d.give("name", (item.get("organization") or "").strip(), KITE_MEDIA)
            d.give("country", country_code(item.get("country") or ""), KITE_MEDIA)
            owner = (item.get("owner") or "").strip()
            if len(keys) > 1 and item.get("organization"):
                owner = f"{item['organization'].strip()}. {owner}".strip()
            d.give("owner", owner, KITE_MEDIA)
            typology = (item.get("typology") or "").strip()
            d.give("typology", TYPOLOGY.get(typology.lower(), typology.lower()), KITE_MEDIA)
    resolver = Resolver(drafts, ALIASES)
    catalog = json.loads((kite / "kite_feeds.json").read_text("utf-8"))
    categories = []
    for name, cat in catalog.items():
        language = language_code(cat.get("source_language") or "")
        place = category_place(name)
        feeds = [str(u) for u in cat.get("feeds") or []]
        categories.append(
            {
                "name": name,
                "type": cat.get("category_type") or "topic",
                "language": language,
                "place": place,
                "names": cat.get("display_names") or {},
                "feeds": feeds,
            }
        )
        for url in feeds:
            try:
                key = resolver.resolve(url)
            except NotAnOutlet:
                continue
            if key.split("/")[0] in PLATFORMS or _host(url) in PLATFORMS:
                continue
            d = draft(key)
            if language:
                d.languages[language] += 1
            if place:
                d.places.add(place)
    outlets = []
    for key in sorted(drafts):
        d = drafts[key]
        languages = [d.first_language] if d.first_language else []
        languages += [lang for lang in feed_languages(d.languages) if lang not in languages]
        if languages and "languages" not in d.provenance:
            d.provenance["languages"] = KITE_FEEDS
        try:
            d.give("country", country_of_domain(key), CCTLD)
        except NotAnOutlet:
            pass
        if len(d.places) == 1:  # every category it is in is about one country
            d.give("country", next(iter(d.places)), KITE_FEEDS)
        v = d.values
        outlets.append(
            [
                key,
                v.get("name"),
                v.get("country"),
                ",".join(languages) or None,
                v.get("owner"),
                v.get("typology"),
                v.get("leaning"),
                {f: d.provenance[f] for f in sorted(d.provenance)},
            ]
        )
    registry = {
        "about": "Outlets crosswire knows by name; sources and licences: PROVENANCE.md",
        "fields": ["domain", "name", "country", "languages", "owner", "typology", "leaning"],
        "sources": SOURCES,
        "aliases": dict(sorted(ALIASES.items())),
        "outlets": outlets,
    }
    return registry, {
        "about": "Feed catalogue from kagisearch/kite-public (MIT); see PROVENANCE.md",
        "categories": categories,
    }


def feed_languages(counts: Counter[str]) -> list[str]:
    """The languages of an outlet's feeds in the catalogue: the commonest, and any other
    with at least a third of its feeds (a category's language is the category's, and
    English feeds of big outlets sit in many foreign-language categories)."""
    total = sum(counts.values())
    ranked = counts.most_common()
    return [lang for i, (lang, n) in enumerate(ranked) if i == 0 or 3 * n >= total]


_ARTICLES = ("the", "der", "die", "das", "le", "la", "les", "el", "il")


def _plain(name: str) -> str:
    words = [w for w in name.lower().split() if w]
    if words and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(c for c in "".join(words) if c.isalnum())


def _label(key: str) -> str:
    host = key.split("/")[0]
    suffix = public_suffix(host)
    return host[: -len(suffix) - 1].rsplit(".", 1)[-1] if suffix else host


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def _write(path: Path, data: dict[str, Any], rows: str) -> None:
    """Compact JSON with one outlet or category per line (a change reads as a small diff)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = dump({k: v for k, v in data.items() if k != rows})
    body = ",\n".join(dump(row) for row in data[rows])
    path.write_text(f'{head[:-1]},"{rows}":[\n{body}\n]}}\n', "utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m crosswire.outlets.build PATH/TO/kite-public", file=sys.stderr)
        return 2
    defaults = Path(__file__).parent.parent / "ingest" / "data" / "default_feeds.json"
    registry, catalog = build(Path(args[0]), defaults)
    _write(DATA / "registry.json", registry, "outlets")
    _write(DATA / "catalog.json", catalog, "categories")
    print(f"{len(registry['outlets'])} outlets, {len(catalog['categories'])} categories")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
