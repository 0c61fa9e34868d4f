/** 004: stored analyses, stage cursors, and articles' source and revision, as SQLite's 004. */
export const up = `
  ALTER TABLE articles ADD COLUMN revision_of text COLLATE "C" REFERENCES articles (id);
  ALTER TABLE articles ADD COLUMN source_id text;
  CREATE INDEX articles_url ON articles (url, seq) WHERE url IS NOT NULL;
  CREATE INDEX articles_source_id ON articles (source_id, seq) WHERE source_id IS NOT NULL;

  -- The payload is the same deflated JSON as in SQLite (src/store/codec.ts); TOAST leaves it be.
  CREATE TABLE analyses (
    article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version    integer NOT NULL,
    payload    bytea NOT NULL
  );
  ALTER TABLE analyses ALTER COLUMN payload SET STORAGE EXTERNAL;
  CREATE INDEX analyses_version ON analyses (version);

  CREATE TABLE stage_cursors (
    stage      text PRIMARY KEY,
    seq        bigint NOT NULL CHECK (seq >= 0),
    updated_at text NOT NULL
  );

  ALTER TABLE stage_state ADD COLUMN revision text;
`;
