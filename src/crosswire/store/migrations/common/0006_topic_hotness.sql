-- The front page shows one story per developing story (its hottest): finding whether a
-- hotter story of the same topic exists is one index seek.
CREATE INDEX stories_topic_hot ON stories (topic_id, hotness) WHERE topic_id IS NOT NULL;
