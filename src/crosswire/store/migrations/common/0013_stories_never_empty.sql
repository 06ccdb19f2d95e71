-- A story row is made in the transaction that gives it its first articles (the story
-- engine works with provisional ids until then), so a live story is one not merged away:
-- the queries no longer ask for article_count > 0, and the front page's index follows.
-- Rows an earlier version left empty (made before an assignment that then failed) go,
-- unless something refers to them.
DELETE FROM stories WHERE merged_into IS NULL AND article_count = 0
    AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id)
    AND NOT EXISTS (SELECT 1 FROM stories m WHERE m.merged_into = stories.id)
    AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.story_id = stories.id)
    AND NOT EXISTS (SELECT 1 FROM reader_items r WHERE r.story_id = stories.id)
    AND NOT EXISTS (
        SELECT 1 FROM story_corrections k
        WHERE k.from_story = stories.id OR k.into_story = stories.id
    );
DROP INDEX stories_hot;
CREATE INDEX stories_hot ON stories (hotness, id) WHERE merged_into IS NULL;
