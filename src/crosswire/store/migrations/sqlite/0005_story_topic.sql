-- Developing stories: the story engine groups the stories (single events) of one theme into
-- a topic, named by the id of its first story. NULL for stories assigned before topics
-- existed (the engine gives them one when they next gain an article).
ALTER TABLE stories ADD COLUMN topic_id INTEGER;
CREATE INDEX stories_topic ON stories (topic_id, updated_at) WHERE topic_id IS NOT NULL;
