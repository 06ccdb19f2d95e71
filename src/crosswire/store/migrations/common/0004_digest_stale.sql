-- Which stories need a new digest, kept as a flag so that finding them reads an index of
-- the stale stories instead of grouping every article by story. The store sets it with
-- every change of a story's articles and clears it when a digest covering exactly the
-- story's articles (article_stamp: count:max:sum of their ids) is saved.
ALTER TABLE stories ADD COLUMN digest_stale INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET digest_stale = 1 WHERE merged_into IS NULL AND id IN (
    SELECT s.id FROM stories s JOIN articles a ON a.story_id = s.id
    GROUP BY s.id, s.digest_stamp
    HAVING s.digest_stamp IS NULL
        OR s.digest_stamp <> count(a.id) || ':' || max(a.id) || ':' || sum(a.id)
);
CREATE INDEX stories_digest_stale ON stories (updated_at, id) WHERE digest_stale = 1;
