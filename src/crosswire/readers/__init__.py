"""Readers' own news: what a signed-in reader follows and mutes, what it has read or
starred, and what is new for it since it last looked.

``follows`` and ``mutes`` are plain rules (what a follow or a mute means, what a target may
be); ``news`` applies them to the store (new-since counts, a follow's stories, hiding muted
stories); ``greader`` speaks the Google Reader API's ids and item shapes. The store keeps
their rows through :class:`crosswire.store.readers.ReaderStore`.
"""
