"""Extraction: an HTML page in, an ``Article`` out.

``article.extract_article`` wraps trafilatura (main text, title, byline, date via htmldate,
site name, canonical URL), ``language`` identifies the language offline (py3langid),
``credits`` finds and removes syndication credit lines, ``urls`` normalises URLs.
"""

from crosswire.extract.article import extract_article

__all__ = ["extract_article"]
