-- Crosswire schema, SQLite dialect. Times are ISO-8601 UTC text, which sorts correctly.
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
    id               INTEGER PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    source_domain    TEXT,
    title            TEXT,
    etag             TEXT,
    last_modified    TEXT,
    interval_seconds INTEGER NOT NULL DEFAULT 900,
    next_fetch_at    TEXT,
    last_fetched_at  TEXT,
    last_success_at  TEXT,
    error_count      INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    claimed_until    TEXT
);
CREATE INDEX feeds_due ON feeds (next_fetch_at);

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    merged_into   INTEGER REFERENCES stories (id),
    article_count INTEGER NOT NULL DEFAULT 0,
    source_count  INTEGER NOT NULL DEFAULT 0,
    digest        TEXT,
    digest_stamp  TEXT
);
CREATE INDEX stories_updated ON stories (updated_at, id);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT UNIQUE,
    url           TEXT UNIQUE,
    canonical_url TEXT,
    title         TEXT NOT NULL,
    byline        TEXT,
    published_at  TEXT,
    fetched_at    TEXT,
    language      TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    source        TEXT,
    site_name     TEXT,
    duplicate_of  INTEGER REFERENCES articles (id),
    origin        TEXT,
    partial       INTEGER NOT NULL DEFAULT 0,
    feed_id       INTEGER REFERENCES feeds (id),
    story_id      INTEGER REFERENCES stories (id)
);
CREATE INDEX articles_canonical ON articles (canonical_url);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_source ON articles (source, id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE embeddings (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    model      TEXT NOT NULL,
    vector     BLOB NOT NULL,
    PRIMARY KEY (article_id, model)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL DEFAULT 'user',
    banned        INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

CREATE TABLE submissions (
    id         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    article_id INTEGER REFERENCES articles (id),
    status     TEXT NOT NULL DEFAULT 'pending',
    error      TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX submissions_article ON submissions (article_id);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    story_id   INTEGER NOT NULL REFERENCES stories (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    parent_id  INTEGER REFERENCES comments (id),
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at  TEXT,
    deleted    INTEGER NOT NULL DEFAULT 0,
    hidden     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_story ON comments (story_id, id);

CREATE TABLE votes (
    user_id     INTEGER NOT NULL REFERENCES users (id),
    target_type TEXT NOT NULL,
    target_id   INTEGER NOT NULL,
    value       INTEGER NOT NULL,
    PRIMARY KEY (user_id, target_type, target_id)
);

CREATE TABLE flags (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    target_type TEXT NOT NULL,
    target_id   INTEGER NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, target_type, target_id)
);

CREATE TABLE moderation_log (
    id           INTEGER PRIMARY KEY,
    moderator_id INTEGER NOT NULL REFERENCES users (id),
    action       TEXT NOT NULL,
    target_type  TEXT NOT NULL,
    target_id    INTEGER NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
