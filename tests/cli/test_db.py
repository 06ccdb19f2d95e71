"""`crosswire db backup` / `restore`: a restored database equals the original."""

from __future__ import annotations

from crosswire.models import Article
from crosswire.store import open_store
from tests.cli.test_import import crosswire


def test_backup_then_restore_gives_the_same_data(tmp_path, sqlite_url):
    with open_store(sqlite_url) as store:
        ids = [
            store.add_article(
                Article(title=f"T{n}", text=f"Body {n}", url=f"https://e.example/{n}")
            )[0].id
            for n in range(20)
        ]
        store.create_story("Story", ids[:5], store.get_article(ids[0]).fetched_at)
    backup = tmp_path / "backup.db"
    made = crosswire("db", "backup", str(backup), "--db", sqlite_url, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    done = crosswire("db", "restore", str(backup), "--db", target, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with open_store(sqlite_url) as a, open_store(target) as b:
        assert [x.__dict__ for x in a.get_articles(ids)] == [
            x.__dict__ for x in b.get_articles(ids)
        ]
        assert a.story_assignments() == b.story_assignments()
    again = crosswire("db", "restore", str(backup), "--db", target, cwd=tmp_path)
    assert again.returncode != 0 and "--force" in again.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    refused = crosswire("db", "restore", str(junk), "--db", target, "--force", cwd=tmp_path)
    assert refused.returncode != 0 and "not a crosswire backup" in refused.stderr
