/**
 * The PostgreSQL schema as an ordered list of migrations: migration `i` brings a store from version `i`
 * to `i + 1`. Never edit a shipped migration; append a new one. Tables are created unqualified, in the
 * schema the connection's search_path names (see `openPostgresStore`'s `schema` option).
 * @packageDocumentation
 */

/** Migrations in order; the store's schema version is how many have been applied. */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  -- Times, ids and dates are TEXT in the binary "C" collation, like SQLite: ISO instants then sort and
  -- compare as plain strings, whatever locale the database was created with.
  CREATE TABLE stories (
    id TEXT COLLATE "C" PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    -- Bumped whenever the story's articles change; a report is stale when made at an older revision.
    revision INTEGER NOT NULL DEFAULT 1,
    -- JSON kept as text: it is only ever read back whole, and jsonb would refuse \\u0000 in strings.
    report TEXT,
    report_version INTEGER NOT NULL DEFAULT 0,
    report_revision INTEGER,
    report_at TEXT COLLATE "C",
    headline TEXT,
    conflict_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX stories_stale ON stories (updated_at, id) WHERE report_revision IS NULL OR report_revision < revision;

  CREATE TABLE articles (
    -- Insertion order breaks ties between articles published at the same time; the hash is the public id.
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT COLLATE "C",
    body TEXT NOT NULL,
    path TEXT,
    features TEXT,
    ingested_at TEXT COLLATE "C" NOT NULL,
    story_id TEXT COLLATE "C" REFERENCES stories (id) ON DELETE SET NULL,
    -- Title words weigh more than body words in the ranking (weight A against B).
    search TSVECTOR GENERATED ALWAYS AS (
      setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english'::regconfig, body), 'B')
    ) STORED
  );
  CREATE INDEX articles_story ON articles (story_id, published);
  CREATE INDEX articles_search ON articles USING GIN (search);

  -- The claims of each story's latest report, replaced by every putReport, for search.
  CREATE TABLE claims (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story_id TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    text TEXT NOT NULL,
    -- Weight B, like an article body, so claim and article scores compare on one scale.
    search TSVECTOR GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, text), 'B')) STORED
  );
  CREATE INDEX claims_story ON claims (story_id);
  CREATE INDEX claims_search ON claims USING GIN (search);

  -- When each claim, quote and conflict key of a story first appeared, for "what is new since".
  CREATE TABLE story_items (
    story_id TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    key TEXT COLLATE "C" NOT NULL,
    first_seen TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, key)
  );

  CREATE TABLE clusterer_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL
  );

  CREATE TABLE corrections (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    at TEXT COLLATE "C" NOT NULL,
    story_ids TEXT NOT NULL,
    article_ids TEXT NOT NULL,
    note TEXT
  );
  `,
  // The latest publication of each story, kept with the story so listings sort without reading articles.
  `
  ALTER TABLE stories ADD COLUMN last_published TEXT COLLATE "C";
  UPDATE stories SET last_published = (SELECT max(published) FROM articles WHERE story_id = stories.id);
  -- The outlet filter compares ASCII-folded names (as SQLite's NOCASE): indexed in that form.
  CREATE INDEX articles_outlet_folded
    ON articles (translate(outlet, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'));
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
  // the list's descending order), so the key is never NULL and a row comparison on plain columns can
  // seek to a cursor.
  `
  ALTER TABLE stories ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stories ADD COLUMN first_published TEXT COLLATE "C";
  ALTER TABLE stories ADD COLUMN outlets TEXT[] NOT NULL DEFAULT '{}';
  ALTER TABLE stories ADD COLUMN sort_published TEXT COLLATE "C" NOT NULL DEFAULT '';
  UPDATE stories SET (article_count, first_published, outlets, sort_published) = (
    SELECT count(*)::int, min(a.published),
      coalesce(array_agg(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL), '{}'),
      coalesce(max(a.published), '')
    FROM articles a WHERE a.story_id = stories.id);
  CREATE INDEX stories_listing ON stories (sort_published, updated_at, id);
  -- Search indexes the first 300,000 characters of a body, the part synthesize analyses, as SQLite does.
  ALTER TABLE articles DROP COLUMN search;
  ALTER TABLE articles ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, left(body, 300000)), 'B')
  ) STORED;
  CREATE INDEX articles_search ON articles USING GIN (search);
  `,
];

/** The schema version this crosscheck writes: the number of PostgreSQL migrations. */
export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;
