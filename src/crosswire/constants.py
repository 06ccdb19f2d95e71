"""Names that processes sharing one database must spell alike: named locks (``try_lock``)
and the keys of the small settings kept with the data (``get_meta``/``set_meta``)."""

from __future__ import annotations

# named locks ---------------------------------------------------------------------------
ASSIGNER_LOCK = "story-assigner"  # held by the one process that assigns articles to stories

# meta keys -----------------------------------------------------------------------------
ASSIGNER_META = "story-assigner"  # the token of the story engine that assigned last
DIGEST_META = "digest-options"  # the options (and version) the digests were built with
CORRECTIONS_META = "story-corrections"  # bumped by every moderator's correction
REGISTRY_META = "outlets.registry"  # the version of the shipped outlet registry last loaded
FEEDS_DEFAULTS_META = "feeds.defaults_loaded"  # when the default feeds were first added
