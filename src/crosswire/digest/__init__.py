"""The digest stage: a story's headline, attributed summary, timeline, source spread and
source comparison, as one JSON-serialisable dict."""

from crosswire.digest.build import build_digest, copies_of
from crosswire.digest.options import DigestOptions, options_from_settings

__all__ = ["DigestOptions", "build_digest", "copies_of", "options_from_settings"]
