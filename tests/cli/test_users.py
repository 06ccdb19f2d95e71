"""`crosswire users`: the way to make moderators and admins."""

from __future__ import annotations

import os
import subprocess
import sys

from crosswire.accounts import authenticate
from crosswire.store import open_store


def users(*args: str, cwd, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "crosswire", "users", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_create_admin_then_change_role(tmp_path, sqlite_url):
    made = users(
        "create",
        "root",
        "--role",
        "admin",
        "--password-stdin",
        "--db",
        sqlite_url,
        cwd=tmp_path,
        stdin="a long enough password\n",
    )
    assert made.returncode == 0, made.stderr
    assert "root created (admin)" in made.stdout
    with open_store(sqlite_url) as store:
        user = authenticate(store, "root", "a long enough password")
        assert user is not None and user.role == "admin"
    again = users(
        "create",
        "root",
        "--password-stdin",
        "--db",
        sqlite_url,
        cwd=tmp_path,
        stdin="another password\n",
    )
    assert again.returncode != 0 and "taken" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    weak = users("create", "x y", "--password-stdin", "--db", sqlite_url, cwd=tmp_path, stdin="p")
    assert weak.returncode != 0 and "name" in weak.stderr
    role = users("role", "root", "moderator", "--db", sqlite_url, cwd=tmp_path)
    assert role.returncode == 0 and "moderator" in role.stdout
    shown = users("show", "root", "--db", sqlite_url, cwd=tmp_path)
    assert "\troot\tmoderator\t" in shown.stdout
    missing = users("role", "nobody", "admin", "--db", sqlite_url, cwd=tmp_path)
    assert missing.returncode != 0 and "no user named 'nobody'" in missing.stderr
    bad = users("role", "root", "king", "--db", sqlite_url, cwd=tmp_path)
    assert bad.returncode != 0


def test_token_prints_a_bearer_token(tmp_path, sqlite_url):
    users(
        "create",
        "ann",
        "--password-stdin",
        "--db",
        sqlite_url,
        cwd=tmp_path,
        stdin="passw0rd! passw0rd!\n",
    )
    made = users("token", "ann", "--db", sqlite_url, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert len(token) > 40 and "\n" not in token
    missing = users("token", "nobody", "--db", sqlite_url, cwd=tmp_path)
    assert missing.returncode != 0 and "no user named" in missing.stderr
