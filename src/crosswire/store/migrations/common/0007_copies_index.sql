-- A later-arriving original takes over the copies of the article it replaces, in whatever
-- story they sit (Store.hand_original): finding them is one index seek.
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
