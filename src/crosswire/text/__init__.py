"""Text primitives every stage may use: words and sentences in any script
(:mod:`~crosswire.text.words`), scripts, clitics, month names, dates written in feeds and
pages, and country names and places. Nothing here imports a stage."""
