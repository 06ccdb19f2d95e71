-- Where each story happens, as its digest says (digest "places": ISO 3166-1 alpha-2 codes),
-- for the front page's and the API's filter by place: one index seek per place.
CREATE TABLE story_places (
    story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,  -- in the language the digest was written for
    position INTEGER NOT NULL,  -- the digest's order: most reports first
    PRIMARY KEY (story_id, code)
);
CREATE INDEX story_places_code ON story_places (code, story_id);
