/**
 * The SQLite schema as an ordered list of migrations: migration `i` brings a store from version `i` to
 * `i + 1`. Never edit a shipped migration; append a new one.
 * @packageDocumentation
 */

/** Migrations in order; the store's schema version is how many have been applied. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Bumped whenever the story's articles change; a report is stale when made at an older revision.
    revision INTEGER NOT NULL DEFAULT 1,
    report TEXT,
    report_version INTEGER NOT NULL DEFAULT 0,
    report_revision INTEGER,
    report_at TEXT,
    headline TEXT,
    conflict_count INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE articles (
    -- An integer key for the full-text index; the content hash is the public id.
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    body TEXT NOT NULL,
    path TEXT,
    features TEXT,
    ingested_at TEXT NOT NULL,
    story_id TEXT REFERENCES stories(id) ON DELETE SET NULL
  );
  CREATE INDEX articles_story ON articles(story_id, published);

  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
  END;

  -- The claims of each story's latest report, replaced by every putReport, for search.
  CREATE TABLE claims (
    seq INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX claims_story ON claims(story_id);
  CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, content='claims', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text) VALUES (new.seq, new.text);
  END;
  CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.seq, old.text);
  END;

  -- When each claim, quote and conflict key of a story first appeared, for "what is new since".
  CREATE TABLE story_items (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (story_id, key)
  ) WITHOUT ROWID;

  CREATE TABLE clusterer_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL
  );

  CREATE TABLE corrections (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    at TEXT NOT NULL,
    story_ids TEXT NOT NULL,
    article_ids TEXT NOT NULL,
    note TEXT
  );
  `,
  // The latest publication of each story, kept with the story so listings sort without reading articles.
  `
  ALTER TABLE stories ADD COLUMN last_published TEXT;
  UPDATE stories SET last_published = (SELECT max(published) FROM articles WHERE story_id = stories.id);
  `,
  // The note of an ingest that has committed articles but not yet its re-clustering and reports.
  `
  CREATE TABLE pending_ingest (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    note TEXT NOT NULL
  );
  `,
  // The list reads one row per story: its size, first publication and outlets are kept with it like its
  // latest publication, and an index in the list's order lets a page start with a seek at any depth.
  // sort_published is the latest publication as the list sorts it: '' when undated (after every date in
  // the list's descending order), so the key is never NULL and a row-value comparison on plain columns
  // can seek to a cursor.
  `
  ALTER TABLE stories ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stories ADD COLUMN first_published TEXT;
  ALTER TABLE stories ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE stories ADD COLUMN sort_published TEXT NOT NULL DEFAULT '';
  UPDATE stories SET
    sort_published = coalesce(last_published, ''),
    article_count = (SELECT count(*) FROM articles WHERE story_id = stories.id),
    first_published = (SELECT min(published) FROM articles WHERE story_id = stories.id),
    outlets = (SELECT json_group_array(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL)
               FROM articles WHERE story_id = stories.id);
  CREATE INDEX stories_listing ON stories (sort_published, updated_at, id);

  -- Search indexes the first 300,000 characters of a body, the part synthesize analyses: tokenizing a
  -- 4.8 MB body took 150 ms inside the ingest transaction, which holds the server's only thread. Bodies
  -- already indexed whole are re-indexed so every later delete names exactly the tokens indexed.
  DROP TRIGGER articles_fts_insert;
  DROP TRIGGER articles_fts_delete;
  DROP TRIGGER articles_fts_update;
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, substr(new.body, 1, 300000));
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
      VALUES ('delete', old.seq, old.title, substr(old.body, 1, 300000));
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
      VALUES ('delete', old.seq, old.title, substr(old.body, 1, 300000));
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, substr(new.body, 1, 300000));
  END;
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
    SELECT 'delete', seq, title, body FROM articles WHERE length(body) > 300000;
  INSERT INTO articles_fts(rowid, title, body)
    SELECT seq, title, substr(body, 1, 300000) FROM articles WHERE length(body) > 300000;
  `,
];
