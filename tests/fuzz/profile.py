"""How hard the fuzz tests try: modest and repeatable in CI, as hard as asked for otherwise.

``CROSSWIRE_FUZZ_EXAMPLES=N`` runs N examples per target instead of the CI default, from a
random seed (the CI run is derandomized so it never fails by luck). Every example has a
deadline: an input that makes a target slow fails the test like a crash does. Counts:
``pytest tests/fuzz --hypothesis-show-statistics``.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_ASKED = os.environ.get("CROSSWIRE_FUZZ_EXAMPLES")

settings.register_profile(
    "crosswire-fuzz",
    max_examples=int(_ASKED) if _ASKED else 100,
    deadline=timedelta(seconds=5),  # generous: CI machines are shared
    derandomize=not _ASKED,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
PROFILE = settings.get_profile("crosswire-fuzz")


def fuzz(share: float = 1.0, deadline_seconds: float | None = None) -> settings:
    """The fuzz profile for one target: ``share`` of the examples (slow targets run fewer)."""
    examples = max(10, int(PROFILE.max_examples * share))
    deadline = PROFILE.deadline if deadline_seconds is None else timedelta(seconds=deadline_seconds)
    return settings(PROFILE, max_examples=examples, deadline=deadline)
