"""The story engine: online, cross-lingual story clustering with syndication dedup."""

from crosswire.cluster.engine import StoryEngine
from crosswire.cluster.options import ClusterOptions, options_from_settings

__all__ = ["ClusterOptions", "StoryEngine", "options_from_settings"]
