"""The resolver: registrable domains from the bundled Public Suffix List, subdomains folded,
the registry's own keys (kept subdomains, language services under a path) and aliases; and
every outlet of the default feeds and of the shipped registry resolves to itself."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from crosswire.outlets.registry import packaged_registry
from crosswire.outlets.resolve import (
    NotAnOutlet,
    Resolver,
    country_of_domain,
    registrable_domain,
    resolve_outlet,
)


@pytest.fixture(scope="module")
def registry_resolver() -> Resolver:
    registry = packaged_registry()
    return Resolver([o.domain for o in registry.outlets], registry.aliases)


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("https://edition.cnn.com/2031/04/02/world/x.html", "cnn.com"),
        ("feeds.bbci.co.uk", "bbc.com"),
        ("https://feeds.bbci.co.uk/news/world/rss.xml", "bbc.com"),
        ("https://www.bbc.com/mundo/articles/c1", "bbc.com/mundo"),
        ("https://feeds.bbci.co.uk/mundo/rss.xml", "bbc.com/mundo"),
        ("https://arabic.cnn.com/world/article/1", "arabic.cnn.com"),
        ("https://www.bbc.co.uk/news/uk-1", "bbc.com"),
        ("WWW.NYTimes.COM", "nytimes.com"),
        ("https://rss.nytimes.com/services/xml/rss/nyt/World.xml", "nytimes.com"),
        ("https://cn.nytimes.com/world/1/", "cn.nytimes.com"),
        ("https://news.sky.com/story/x", "news.sky.com"),
        ("https://www.france24.com/ar/20310402-x", "france24.com/ar"),
        ("https://www.france24.com/en/live", "france24.com"),
        ("http://unknown.site.example.co.uk:8080/a?b=c", "example.co.uk"),
        ("//www.spiegel.de/politik/x", "spiegel.de"),
        ("https://news.bücher.de/x", "xn--bcher-kva.de"),
    ],
)
def test_resolves_to_the_registry_key(registry_resolver: Resolver, given: str, key: str):
    assert registry_resolver.resolve(given) == key


def test_without_a_registry_subdomains_fold_to_the_registrable_domain():
    assert resolve_outlet("https://edition.cnn.com/x") == "cnn.com"
    assert resolve_outlet("feeds.bbci.co.uk") == "bbci.co.uk"
    assert registrable_domain("a.b.example.com.au") == "example.com.au"


@pytest.mark.parametrize(
    "given",
    ["", "   ", "New York Times", "10.0.0.1", "http://[::1]/x", "localhost", "http://", "com",
     "https://exa mple.com", "http://[bad", "x" * 3000, "a..b.com", "-bad-.com"],
)  # fmt: skip
def test_names_no_outlet_gives_a_one_line_reason(given: str):
    with pytest.raises(NotAnOutlet) as refused:
        resolve_outlet(given)
    assert str(refused.value) and "\n" not in str(refused.value)


def test_country_from_country_code_domains_only():
    assert country_of_domain("spiegel.de") == "DE"
    assert country_of_domain("bbc.co.uk") == "GB"
    assert country_of_domain("lanacion.com.ar") == "AR"
    assert country_of_domain("meduza.io") is None  # sold to all comers
    assert country_of_domain("nytimes.com") is None
    assert country_of_domain("europa.eu") is None


def test_every_default_feed_outlet_resolves(registry_resolver: Resolver):
    text = resources.files("crosswire.ingest").joinpath("data", "default_feeds.json").read_text()
    sources = json.loads(text)["sources"]
    assert len(sources) >= 90
    for source in sources:
        key = source["domain"]
        assert registry_resolver.resolve(key) == key
        host, _, path = key.partition("/")
        article = f"https://www.{host}/{path + '/' if path else ''}2031/04/02/a-story.html"
        assert registry_resolver.resolve(article) == key, article


def test_every_registry_outlet_resolves_to_itself(registry_resolver: Resolver):
    registry = packaged_registry()
    media = [o for o in registry.outlets if "kite-media" in o.provenance.values()]
    assert len(media) >= 500  # kite-public's media file: 528 organisations, 700 domains
    for outlet in registry.outlets:
        assert registry_resolver.resolve(outlet.domain) == outlet.domain
        host, _, path = outlet.domain.partition("/")
        url = f"https://{host}/{path}/x" if path else f"https://{host}/x"
        assert registry_resolver.resolve(url) == outlet.domain


def test_aliases_point_at_registry_outlets():
    registry = packaged_registry()
    keys = {o.domain for o in registry.outlets}
    assert registry.aliases and set(registry.aliases.values()) <= keys
