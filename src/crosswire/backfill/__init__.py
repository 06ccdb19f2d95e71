"""Backfill: load an archive of articles on a Dask cluster, then cluster it in time order.

The per-article work that needs no shared state — parsing, normalisation, the dedup content
hash and the sentence embedding — is mapped over partitions of the archive on Dask
(``prepare``). What needs the whole history — story assignment — runs once, in the driver,
in time order, with the very engine and ``Pipeline`` of the online path, fed the vectors the
cluster already computed (``run``). Splitting here is what keeps the quality of the online
path: clustering partitions independently and merging afterwards would need a merge pass
the online engine does not have, and would give different stories for the same archive.
"""
