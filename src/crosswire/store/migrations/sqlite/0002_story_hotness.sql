-- The front page's order: recency and breadth of coverage in one indexed number.
-- hotness = hours since 1970 of the last update + 6 × log2(distinct outlets), so each
-- doubling of outlets is worth six hours of recency (a half-life of six hours).
ALTER TABLE stories ADD COLUMN hotness REAL NOT NULL DEFAULT 0;
UPDATE stories SET hotness =
    (julianday(updated_at) - 2440587.5) * 24.0 + 6.0 * log2(max(source_count, 1));
CREATE INDEX stories_hot ON stories (hotness, id)
    WHERE merged_into IS NULL AND article_count > 0;
CREATE INDEX articles_story_source ON articles (story_id, source, language);
