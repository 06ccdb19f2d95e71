"""Ingestion: feeds in, fetched pages out.

``safety`` guards every URL, ``fetcher`` fetches politely, ``feeds`` parses RSS/Atom/JSON
Feed, ``opml`` reads and writes subscription lists, ``discover`` finds a site's feeds,
``defaults`` ships the default outlets, ``submit`` turns one URL into an ``Article``.
None of these modules sees the store; the scheduler in ``crosswire.workers.feeds`` does.
"""
