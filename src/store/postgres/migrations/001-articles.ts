/**
 * 001: articles and the band index for near-duplicate lookup, as SQLite's 001
 * (src/store/sqlite/migrations/001-articles.ts) says. Keys and ISO date prefixes use the "C"
 * collation so they sort and compare by code point, as in SQLite, whatever the database's locale.
 */
export const up = `
  CREATE TABLE articles (
    id                  text COLLATE "C" PRIMARY KEY,
    seq                 bigint NOT NULL UNIQUE,
    origin              text NOT NULL,
    format              text NOT NULL CHECK (format ~ '^[a-z]'),
    url                 text,
    title               text,
    published_value     text COLLATE "C",
    published_precision text CHECK (published_precision IN ('year', 'month', 'day', 'minute')),
    language            text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    outlet              text,
    outlet_key          text COLLATE "C",
    author              text,
    text                text NOT NULL,
    removed             text NOT NULL DEFAULT '[]',
    duplicate_of        text COLLATE "C" REFERENCES articles (id),
    fingerprint         bytea,
    ingested_at         text NOT NULL,
    CHECK ((published_value IS NULL) = (published_precision IS NULL))
  );
  CREATE INDEX articles_outlet ON articles (outlet_key, seq);
  CREATE INDEX articles_language ON articles (language, seq);
  CREATE INDEX articles_published ON articles (published_value);
  CREATE INDEX articles_duplicate_of ON articles (duplicate_of);

  CREATE TABLE article_bands (
    band_key   text COLLATE "C" NOT NULL,
    article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
  );
  CREATE INDEX article_bands_article ON article_bands (article_id);
`;
