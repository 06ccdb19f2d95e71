-- Readers' own news: what each signed-in reader follows and mutes, which stories it has
-- read or starred, and moderators' corrections of the story engine (merges and splits).
CREATE TABLE reader_follows (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL,  -- story, topic, outlet, place, query
    target          TEXT NOT NULL,  -- a story id, a topic id, a domain, a country code, words
    label           TEXT NOT NULL DEFAULT '',
    feed_token      TEXT UNIQUE,  -- the secret of the follow's private feed; NULL: none
    created_at      TIMESTAMPTZ NOT NULL,
    seen_at         TIMESTAMPTZ NOT NULL,  -- when the reader last looked at it
    seen_article_id BIGINT NOT NULL DEFAULT 0,  -- the newest article id at that moment
    UNIQUE (user_id, kind, target)
);

CREATE TABLE reader_mutes (
    user_id    BIGINT NOT NULL REFERENCES users (id),
    kind       TEXT NOT NULL,  -- outlet, keyword, filter (a named keyword list)
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, kind, value)
);

-- a reader's state of a story (an item of the Google Reader API)
CREATE TABLE reader_items (
    user_id    BIGINT NOT NULL REFERENCES users (id),
    story_id   BIGINT NOT NULL REFERENCES stories (id),
    read       INTEGER NOT NULL DEFAULT 0,
    starred    INTEGER NOT NULL DEFAULT 0,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, story_id)
);
CREATE INDEX reader_items_starred ON reader_items (user_id, story_id) WHERE starred = 1;

-- moderators' corrections: the story engine keeps them
CREATE TABLE story_corrections (
    id           BIGSERIAL PRIMARY KEY,
    kind         TEXT NOT NULL,  -- merge (from_story into into_story), split (article out)
    article_id   BIGINT REFERENCES articles (id),
    from_story   BIGINT NOT NULL REFERENCES stories (id),
    into_story   BIGINT NOT NULL REFERENCES stories (id),
    moderator_id BIGINT NOT NULL REFERENCES users (id),
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX story_corrections_article ON story_corrections (article_id);

-- a reader's daily email of what it follows (sent when the site has SMTP settings)
CREATE TABLE reader_settings (
    user_id               BIGINT PRIMARY KEY REFERENCES users (id),
    email                 TEXT NOT NULL DEFAULT '',
    daily_email           INTEGER NOT NULL DEFAULT 0,
    last_email_at         TIMESTAMPTZ,
    last_email_article_id BIGINT NOT NULL DEFAULT 0  -- newer articles go in the next one
);

-- a followed outlet's stories, newest story first, straight from an index
CREATE INDEX articles_source_story ON articles (source, story_id);
