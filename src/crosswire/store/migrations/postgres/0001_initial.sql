-- Crosswire schema, PostgreSQL dialect.
CREATE TABLE sources (
    domain      TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    country     TEXT,
    language    TEXT,
    leaning     TEXT,
    owner       TEXT,
    typology    TEXT,
    provenance  TEXT
);

CREATE TABLE feeds (
    id               BIGSERIAL PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    source_domain    TEXT,
    title            TEXT,
    etag             TEXT,
    last_modified    TEXT,
    interval_seconds INTEGER NOT NULL DEFAULT 900,
    next_fetch_at    TIMESTAMPTZ,
    last_fetched_at  TIMESTAMPTZ,
    last_success_at  TIMESTAMPTZ,
    error_count      INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    claimed_until    TIMESTAMPTZ
);
CREATE INDEX feeds_due ON feeds (next_fetch_at);

CREATE TABLE stories (
    id            BIGSERIAL PRIMARY KEY,
    title         TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    merged_into   BIGINT REFERENCES stories (id),
    article_count INTEGER NOT NULL DEFAULT 0,
    source_count  INTEGER NOT NULL DEFAULT 0,
    digest        TEXT,
    digest_stamp  TEXT
);
CREATE INDEX stories_updated ON stories (updated_at, id);

CREATE TABLE articles (
    id            BIGSERIAL PRIMARY KEY,
    external_id   TEXT UNIQUE,
    url           TEXT UNIQUE,
    canonical_url TEXT,
    title         TEXT NOT NULL,
    byline        TEXT,
    published_at  TIMESTAMPTZ,
    fetched_at    TIMESTAMPTZ,
    language      TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    source        TEXT,
    site_name     TEXT,
    duplicate_of  BIGINT REFERENCES articles (id),
    origin        TEXT,
    partial       INTEGER NOT NULL DEFAULT 0,
    feed_id       BIGINT REFERENCES feeds (id),
    story_id      BIGINT REFERENCES stories (id)
);
CREATE INDEX articles_canonical ON articles (canonical_url);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_source ON articles (source, id);

ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple', left(text, 100000)), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE embeddings (
    article_id BIGINT NOT NULL REFERENCES articles (id),
    model      TEXT NOT NULL,
    vector     BYTEA NOT NULL,
    PRIMARY KEY (article_id, model)
);

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL DEFAULT 'user',
    banned        INTEGER NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE submissions (
    id         BIGSERIAL PRIMARY KEY,
    url        TEXT NOT NULL,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    article_id BIGINT REFERENCES articles (id),
    status     TEXT NOT NULL DEFAULT 'pending',
    error      TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX submissions_article ON submissions (article_id);

CREATE TABLE comments (
    id         BIGSERIAL PRIMARY KEY,
    story_id   BIGINT NOT NULL REFERENCES stories (id),
    user_id    BIGINT NOT NULL REFERENCES users (id),
    parent_id  BIGINT REFERENCES comments (id),
    body       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    edited_at  TIMESTAMPTZ,
    deleted    INTEGER NOT NULL DEFAULT 0,
    hidden     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_story ON comments (story_id, id);

CREATE TABLE votes (
    user_id     BIGINT NOT NULL REFERENCES users (id),
    target_type TEXT NOT NULL,
    target_id   BIGINT NOT NULL,
    value       INTEGER NOT NULL,
    PRIMARY KEY (user_id, target_type, target_id)
);

CREATE TABLE flags (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    target_type TEXT NOT NULL,
    target_id   BIGINT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, target_type, target_id)
);

CREATE TABLE moderation_log (
    id           BIGSERIAL PRIMARY KEY,
    moderator_id BIGINT NOT NULL REFERENCES users (id),
    action       TEXT NOT NULL,
    target_type  TEXT NOT NULL,
    target_id    BIGINT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
