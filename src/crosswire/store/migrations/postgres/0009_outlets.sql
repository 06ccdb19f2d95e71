-- The outlet registry (crosswire.outlets): the shipped registry, reloaded whole when the
-- packaged data changes; the operator's own values, which a reload never touches; and the
-- log of every operator change.
CREATE TABLE outlets (
    domain     TEXT PRIMARY KEY,  -- nytimes.com, arabic.cnn.com, bbc.com/mundo
    name       TEXT,
    country    TEXT,              -- ISO 3166-1 alpha-2
    languages  TEXT,              -- ISO 639-1 codes, comma-separated, main one first
    owner      TEXT,
    typology   TEXT,
    leaning    TEXT,
    provenance TEXT NOT NULL DEFAULT '{}'  -- JSON: field -> source id
);
CREATE TABLE outlet_aliases (
    alias  TEXT PRIMARY KEY,  -- another domain of the outlet (bbci.co.uk)
    domain TEXT NOT NULL      -- its key (bbc.com)
);
CREATE TABLE outlet_overrides (
    domain TEXT NOT NULL,
    field  TEXT NOT NULL,
    value  TEXT NOT NULL,  -- '' clears the registry's value
    PRIMARY KEY (domain, field)
);
CREATE TABLE outlet_changes (
    id     BIGSERIAL PRIMARY KEY,
    domain TEXT NOT NULL,
    field  TEXT NOT NULL,
    old    TEXT,
    new    TEXT,
    by     TEXT NOT NULL,
    at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX outlet_changes_domain ON outlet_changes (domain, id);
