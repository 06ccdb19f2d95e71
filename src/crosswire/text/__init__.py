"""Text primitives every stage may use: words and sentence boundaries in any script
(:mod:`~crosswire.text.words`), scripts, clitics, month names, dates written in feeds and
pages, country names and places, what stands before a sentence on a page (``debris``), a
story's sentences with their vectors (``sentences``, ``similarity``) and whether two of them
say the same thing (``matching``). Nothing here imports a stage."""
