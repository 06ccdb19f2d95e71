-- The front page's order: recency and breadth of coverage in one indexed number.
-- hotness = hours since 1970 of the last update + 6 × log2(distinct outlets), so each
-- doubling of outlets is worth six hours of recency (a half-life of six hours).
ALTER TABLE stories ADD COLUMN hotness DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE stories SET hotness =
    extract(epoch FROM updated_at)::double precision / 3600.0
    + 6.0 * ln(greatest(source_count, 1)) / ln(2.0);
CREATE INDEX stories_hot ON stories (hotness, id)
    WHERE merged_into IS NULL AND article_count > 0;
CREATE INDEX articles_story_source ON articles (story_id, source, language);
