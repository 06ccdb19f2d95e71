"""The daily email, sent to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta

import pytest

from crosswire.models import Article, Source, User
from crosswire.readers.email import EmailError, send_daily_email
from crosswire.readers.news import make_follow
from crosswire.settings import load_settings
from crosswire.store.readers import readers_of
from tests.helpers.live_server import free_port

T0 = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's name
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"


@pytest.fixture
def smtp():
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


def article(n: int, source: str) -> Article:
    return Article(
        title=f"Tram line {n} reopens",
        text=f"The tram line {n} reopened on Monday.",
        url=f"https://{source}/{n}",
        source=source,
        published_at=T0 + timedelta(minutes=n),
    )


def test_a_daily_message_of_what_is_new(sqlite_store, smtp, tmp_path, monkeypatch):
    inbox, port = smtp
    monkeypatch.chdir(tmp_path)
    settings = load_settings(
        database_url=sqlite_store.url,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security="none",
        mail_from="news@crosswire.example",
        site_url="https://news.example/",
    )
    store, readers = sqlite_store, readers_of(sqlite_store)
    first = store.add_article(article(1, "city.example"))[0]
    story = store.create_story("Tram line 1 reopens", [first.id], T0)
    user = store.create_user(User(name="tess", password_hash="x"))
    make_follow(store, user.id, "story", str(story.id))
    store.upsert_source(Source(domain="other.example", name="other.example"))
    make_follow(store, user.id, "outlet", "other.example")
    readers.set_reader_email(user.id, "tess@mail.example", True)
    quiet = store.create_user(User(name="quinn", password_hash="x"))
    make_follow(store, quiet.id, "outlet", "city.example")  # wants no email
    assert send_daily_email(store, settings, T0) == 0  # nothing new yet: no message

    late = store.add_article(article(2, "city.example"))[0]
    store.attach_to_story(story.id, [late.id], T0)
    assert send_daily_email(store, settings, T0 + timedelta(hours=1)) == 1
    [message] = inbox.messages
    assert message["To"] == "tess@mail.example" and message["From"] == "news@crosswire.example"
    assert message["Subject"] == "crosswire: 1 new report on what you follow"
    body = message.get_content()
    assert "Tram line 1 reopens: 1 new report" in body
    assert f"https://news.example/stories/{story.id}" in body
    assert "other.example" not in body  # nothing new there

    # once a day: a new report the same day waits for tomorrow's message
    more = store.add_article(article(3, "other.example"))[0]
    store.create_story("Tram line 3 reopens", [more.id], T0)
    assert send_daily_email(store, settings, T0 + timedelta(hours=5)) == 0
    assert send_daily_email(store, settings, T0 + timedelta(days=1, hours=1)) == 1
    assert "other.example: 1 new report" in inbox.messages[1].get_content()
    assert "Tram line 1" not in inbox.messages[1].get_content()

    readers.set_reader_email(user.id, "tess@mail.example", False)
    store.add_article(article(4, "other.example"))
    assert send_daily_email(store, settings, T0 + timedelta(days=3)) == 0


def test_no_smtp_server_is_a_clear_error(sqlite_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(database_url=sqlite_store.url)
    with pytest.raises(EmailError, match="no SMTP server"):
        send_daily_email(sqlite_store, settings)
    user = sqlite_store.create_user(User(name="una", password_hash="x"))
    readers_of(sqlite_store).set_reader_email(user.id, "una@mail.example", True)
    closed = load_settings(
        database_url=sqlite_store.url, smtp_host="127.0.0.1", smtp_port=free_port(),
        smtp_security="none",
    )  # fmt: skip
    with pytest.raises(EmailError, match="cannot send through 127.0.0.1"):
        send_daily_email(sqlite_store, closed)
