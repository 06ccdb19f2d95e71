"""The assigner's lock and its writes share one PostgreSQL session: when the server ends
that session, another worker takes over and the old assigner can write nothing more."""

from __future__ import annotations

import pytest

from crosswire.constants import ASSIGNER_LOCK
from crosswire.settings import load_settings
from crosswire.store import StoreError, open_store
from crosswire.workers.assigner import Assigner
from tests.workers.test_worker_concurrency import invented_events

pytestmark = pytest.mark.postgres


def test_a_lost_session_hands_assignment_over(pg_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(database_url=pg_url, embedder="hashing")
    stream = [a for _, a in invented_events(5, 4)]
    store = open_store(pg_url)
    store.add_articles(stream[:10])
    first, second = Assigner(settings, digests=False), Assigner(settings, digests=False)
    assert first.run_once() and first.is_assigner
    assert not second.run_once() and not second.is_assigner  # one assigner at a time

    key = store.lock_key(ASSIGNER_LOCK)
    killed = store._rows(  # the server ends the holder's session
        "SELECT pg_terminate_backend(pid) AS ok FROM pg_locks WHERE locktype = 'advisory' "
        "AND granted AND classid = ? AND objid = ?",
        ((key >> 32) & 0xFFFFFFFF, key & 0xFFFFFFFF),
    )
    assert [r["ok"] for r in killed] == [True]
    store.add_articles(stream[10:])
    assert second.run_once() and second.is_assigner  # took over, engine rebuilt from store
    with pytest.raises(StoreError):
        first.run_once()  # the old assigner's connection is gone: it cannot write
    first.release()
    assert not first.run_once()  # reconnected, but the lock is taken

    assert store.unassigned_articles() == []
    stories = {a.story_id for a in store.list_articles(limit=100)}
    assert len(stories) == store.count_stories() == 5
    second.release()
    store.close()
