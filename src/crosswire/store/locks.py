"""Named locks shared by every process on one database (see ``Store.try_lock``).

PostgreSQL keeps them as session advisory locks: the server frees one the moment the session
that holds it ends, however the holder died. SQLite has no sessions, so a lock is an
``flock`` on a file beside the database: the kernel frees it when the holding process exits.
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import IO


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_lock`` from a lock name."""
    digest = hashlib.blake2b(f"crosswire:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class FileLocks:
    """Exclusive, non-blocking ``flock`` locks on ``<database>.<name>.lock`` files."""

    def __init__(self, database_path: str) -> None:
        self.database_path = database_path
        self._held: dict[str, IO[bytes]] = {}
        self._mutex = threading.Lock()

    def _path(self, name: str) -> str:
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
        return f"{self.database_path}.{safe}.lock"

    def try_lock(self, name: str) -> bool:
        with self._mutex:
            if name in self._held:
                return True
            if self.database_path == ":memory:":  # private to this process anyway
                self._held[name] = open(os.devnull, "rb")  # kept until unlock
                return True
            import fcntl

            handle = open(self._path(name), "ab")  # kept until unlock
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                return False
            self._held[name] = handle
            return True

    def unlock(self, name: str) -> None:
        with self._mutex:
            handle = self._held.pop(name, None)
        if handle is not None:
            handle.close()  # closing the file releases the flock

    def release_all(self) -> None:
        for name in list(self._held):
            self.unlock(name)
