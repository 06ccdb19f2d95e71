"""Every package imports on its own, whichever is imported first (an import cycle between
two packages shows only when one of them is the first)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PACKAGES = [
    "crosswire.backfill",
    "crosswire.cli",
    "crosswire.cluster",
    "crosswire.compare",
    "crosswire.dedup",
    "crosswire.digest",
    "crosswire.embed",
    "crosswire.eval",
    "crosswire.extract",
    "crosswire.ingest",
    "crosswire.pipeline",
    "crosswire.store",
    "crosswire.web",
    "crosswire.workers",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_first(package):
    done = subprocess.run(
        [sys.executable, "-c", f"import {package}"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
