/**
 * 001: articles and the band index for near-duplicate lookup (src/store/duplicates.ts).
 *
 * Closed sets (date precision) are CHECKed strictly; open ones (language, format) only for shape,
 * so adding a language later needs no table rebuild. `seq` is the ingest order every listing
 * follows; `outlet_key` is the outlet lower-cased in JavaScript, because SQLite's NOCASE folds
 * ASCII only and would miss "ŁÓDŹ" = "łódź". Stories, entities and search get later migrations.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE articles (
      id                  TEXT PRIMARY KEY,
      seq                 INTEGER NOT NULL UNIQUE,
      origin              TEXT NOT NULL,
      format              TEXT NOT NULL CHECK (format GLOB '[a-z]*'),
      url                 TEXT,
      title               TEXT,
      published_value     TEXT,
      published_precision TEXT CHECK (published_precision IN ('year', 'month', 'day', 'minute')),
      language            TEXT NOT NULL CHECK (language GLOB '[a-z][a-z]' OR language GLOB '[a-z][a-z][a-z]'),
      outlet              TEXT,
      outlet_key          TEXT,
      author              TEXT,
      text                TEXT NOT NULL,
      removed             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed)),
      duplicate_of        TEXT REFERENCES articles (id),
      fingerprint         BLOB,
      ingested_at         TEXT NOT NULL,
      CHECK ((published_value IS NULL) = (published_precision IS NULL))
    );
    CREATE INDEX articles_outlet ON articles (outlet_key, seq);
    CREATE INDEX articles_language ON articles (language, seq);
    CREATE INDEX articles_published ON articles (published_value);
    CREATE INDEX articles_duplicate_of ON articles (duplicate_of);

    -- One row per (band, article): articles sharing a band key are near-duplicate candidates.
    CREATE TABLE article_bands (
      band_key   TEXT NOT NULL,
      article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      PRIMARY KEY (band_key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_bands_article ON article_bands (article_id);
  `);
}
