"""A reader's daily email: what is new in each of its follows since the last message (or
since it asked for the email), with links to the stories. Sent by ``crosswire email`` over
the site's SMTP settings; readers choose it and give their address on ``/following``."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import replace
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

from crosswire.models import utcnow
from crosswire.readers.news import NEW_CAP, follow_stories, reader_mutes
from crosswire.store.readers import readers_of

EVERY = timedelta(hours=20)  # at most one message a day, even when cron runs a bit early
STORIES_PER_FOLLOW = 5


class EmailError(Exception):
    """The SMTP server refused or could not be reached; the message is one line."""


def compose(store: Any, settings: Any, user_id: int, since_article: int) -> EmailMessage | None:
    """The message for one reader, or None when nothing it follows has news."""
    readers = readers_of(store)
    user = store.get_user(user_id)
    prefs = readers.reader_settings(user_id)
    if user is None or not prefs["email"]:
        return None
    mutes = reader_mutes(store, user_id)
    site = settings.site_url.rstrip("/")
    parts, total = [], 0
    for follow in readers.list_follows(user_id):
        then = replace(follow, seen_article_id=since_article)
        new = readers.count_new_articles(then, muted_outlets=mutes.outlets, cap=NEW_CAP)
        if not new:
            continue
        total += new
        ids = follow_stories(store, [follow], mutes, limit=STORIES_PER_FOLLOW)
        stories = readers.stories_by_ids(ids)
        more = "100+" if new >= NEW_CAP else str(new)
        lines = [f"{follow.label or follow.target}: {more} new report{'s' if new != 1 else ''}"]
        for story in stories:
            title = story.headline
            lines.append(f"  - {title}\n    {site}/stories/{story.id}")
        parts.append("\n".join(lines))
    if not parts:
        return None
    message = EmailMessage()
    message["Subject"] = (
        f"crosswire: {total} new report{'s' if total != 1 else ''} on what you follow"
    )
    message["From"] = settings.mail_from
    message["To"] = prefs["email"]
    message.set_content(
        f"Hello {user.name},\n\nWhat is new in what you follow:\n\n"
        + "\n\n".join(parts)
        + f"\n\nEverything you follow: {site}/following\n"
        f"No more email: untick the daily email at {site}/following\n"
    )
    return message


def send_daily_email(store: Any, settings: Any, now: datetime | None = None) -> int:
    """Send each reader who asked for it the day's message (when it has news and its last
    message is older than ``EVERY``); return how many went out."""
    if not settings.smtp_host:
        raise EmailError("no SMTP server: set smtp_host (and smtp_port, smtp_security …)")
    now = now or utcnow()
    readers = readers_of(store)
    due = [
        r
        for r in readers.daily_email_readers()
        if r["last_email_at"] is None or now - r["last_email_at"] >= EVERY
    ]
    if not due:
        return 0
    sent = 0
    with _connect(settings) as smtp:
        for prefs in due:
            newest = readers.newest_article_id()
            message = compose(store, settings, prefs["user_id"], prefs["last_email_article_id"])
            if message is None:
                continue
            try:
                smtp.send_message(message)
            except smtplib.SMTPException as exc:
                raise EmailError(f"the SMTP server refused a message: {exc}") from exc
            readers.mark_email_sent(prefs["user_id"], now, newest)
            sent += 1
    return sent


def _connect(settings: Any) -> smtplib.SMTP:
    try:
        if settings.smtp_security == "ssl":
            context = ssl.create_default_context()
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.smtp_host, settings.smtp_port, timeout=30, context=context
            )
        else:
            smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30)
            if settings.smtp_security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password)
    except (OSError, smtplib.SMTPException) as exc:
        raise EmailError(
            f"cannot send through {settings.smtp_host}:{settings.smtp_port}: {exc}"
        ) from exc
    return smtp
