"""Syndication dedup: exact copies (canonical URL, text hash) and near copies (MinHash LSH)."""

from crosswire.dedup.copies import CopyIndex, CopyOptions
from crosswire.urls import canonicalise_url

__all__ = ["CopyIndex", "CopyOptions", "canonicalise_url"]
