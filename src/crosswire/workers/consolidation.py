"""The consolidation pass on a timer, for the long-running processes that assign stories.

Online assignment places each article at once and, right after, merges its story with the
neighbours the story-pair model calls the same event. Stories that only came to look alike
later (a third report bridging two fragments) are met again by the timed pass: every
``cluster_consolidate_every_seconds``, ``Pipeline.consolidate_recent`` re-examines the
stories touched in the last ``cluster_consolidate_window_hours`` (at most
``cluster_consolidate_max_stories`` of them, so one pass costs a bounded time, logged).
`crosswire serve`'s story upkeep thread and the assigning `crosswire worker` each hold one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from crosswire.pipeline import IngestReport, Pipeline

log = logging.getLogger(__name__)


class ConsolidationTimer:
    """Runs ``pipeline.consolidate_recent()`` when ``every`` seconds have passed since the
    timer started or last ran (never when ``every`` is 0 or less)."""

    def __init__(self, every: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self._clock = clock
        self._due = clock() + every
        self.runs = 0

    def maybe_run(self, pipeline: Pipeline) -> IngestReport | None:
        """The pass's report when it was due and ran, else None."""
        if self.every <= 0 or self._clock() < self._due:
            return None
        try:
            report = pipeline.consolidate_recent()
        finally:  # a failed pass waits its turn too, instead of retrying at every poll
            self._due = self._clock() + self.every
        self.runs += 1
        if report.merged_stories:
            log.info("consolidation pass merged %d stories", report.merged_stories)
        return report
