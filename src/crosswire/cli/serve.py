"""``crosswire serve``: the web UI, with feed ingestion and story upkeep in the background."""

from __future__ import annotations

import logging
import signal
import threading

import click

from crosswire.console import db_option, expected_errors, settings_from, store_from
from crosswire.pipeline import Pipeline
from crosswire.store import StoreError

log = logging.getLogger("crosswire.serve")


def keep_stories_current(pipeline: Pipeline, stop: threading.Event, every: float = 5.0) -> None:
    """Assign stories to any backlog, run the consolidation pass when its timer is due
    (``cluster_consolidate_every_seconds``) and rebuild stale digests until ``stop``."""
    from crosswire.workers.consolidation import ConsolidationTimer

    timer = ConsolidationTimer(pipeline.settings.cluster_consolidate_every_seconds)
    while not stop.is_set():
        try:
            pipeline.process_backlog()
            timer.maybe_run(pipeline)
            pipeline.refresh_digests(limit=20)
        except StoreError as exc:  # database gone, full or read-only: retried next time
            if stop.is_set():
                return  # the store was closed under us on shutdown: not a failure
            log.error("story upkeep failed: %s", exc)
        except Exception:  # noqa: BLE001 - keep serving; the log says what failed
            if stop.is_set():
                return
            log.exception("story upkeep failed")
        stop.wait(every)


@click.command()
@db_option
@click.option("--host", default=None, help="Address to listen on (setting: host).")
@click.option("--port", type=int, default=None, help="Port to listen on (setting: port).")
@click.option("--no-fetch", is_flag=True, help="Serve without running the feed scheduler.")
@click.pass_context
@expected_errors
def serve(
    ctx: click.Context,
    database_url: str | None,
    host: str | None,
    port: int | None,
    no_fetch: bool,
) -> None:
    """Serve the web UI and JSON API; refresh feeds in the background."""
    import uvicorn

    from crosswire.web import create_app

    overrides = {"database_url": database_url, "host": host, "port": port}
    if no_fetch:
        overrides["fetch_enabled"] = False
    settings = settings_from(ctx, **overrides)
    store = store_from(settings)
    pipeline = Pipeline(store, settings)
    scheduler = None
    if settings.fetch_enabled:
        from crosswire.workers.feeds import FeedScheduler

        # poll at least as often as feeds fall due (a short feed interval means it matters)
        poll = float(min(30, max(1, settings.feed_interval_seconds)))
        scheduler = FeedScheduler(store, pipeline, settings, poll_seconds=poll)
        scheduler.start()
        log.info("feed ingestion running")
    else:
        log.info("feed ingestion off (--no-fetch)")
    stop = threading.Event()
    upkeep = threading.Thread(
        target=keep_stories_current, args=(pipeline, stop), name="story-upkeep", daemon=True
    )
    upkeep.start()
    app = create_app(settings, store, pipeline, scheduler=scheduler)
    log.info("serving on http://%s:%d", settings.host, settings.port)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it to the handler it found:
    # let that be an exit through ``finally``, so the scheduler hands its feeds back
    signal.signal(signal.SIGTERM, _exit_cleanly)
    try:
        # keep idle connections 30 s (uvicorn's 5 s races clients that reuse a connection
        # just as the server drops it: a reset for a request already sent)
        uvicorn.run(
            app,
            host=settings.host,
            port=settings.port,
            log_level="warning",
            timeout_keep_alive=30,
        )
    finally:
        stop.set()
        if scheduler is not None:
            scheduler.stop()
        upkeep.join(timeout=10)  # a long backlog batch is cut short by the close below
        store.close()


def _exit_cleanly(signum: int, frame: object) -> None:
    raise SystemExit(0)
