/**
 * 011: an article's near-duplicate bands as one row (src/store/postgres/articles.ts `bandValues`):
 * its eight band keys as bigint (band << 32 | hash) in one array under a GIN index, instead of a
 * row and a primary-key entry per band. A row of 24 B of header and two text columns per band
 * took 940 B an article on the 1,000-article bench store (docs/BENCHMARKS.md, bytes). The GIN
 * index is written through at once (`fastupdate = off`): a pending list would stay allocated
 * after it is merged, and lookups happen at every save anyway.
 *
 * The rows are converted in SQL, the hash read back from its base-36 digits, so nothing leaves
 * the server; a key that is not `band:base36` (none is written, src/stories/fingerprint.ts
 * `bandKeys`) fails the migration rather than being dropped.
 */
export const up = `
  ALTER TABLE article_bands RENAME TO article_band_rows;
  ALTER TABLE article_band_rows RENAME CONSTRAINT article_bands_pkey TO article_band_rows_pkey;
  DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM article_band_rows WHERE band_key !~ '^[0-9]+:[0-9a-z]{1,7}$') THEN
      RAISE EXCEPTION 'article_bands: a band key is not band:base36';
    END IF;
  END $$;
  CREATE TABLE article_bands (
    seq   bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    bands bigint[] NOT NULL
  );
  INSERT INTO article_bands (seq, bands)
  SELECT a.seq, array_agg(v.value ORDER BY v.value)
  FROM article_band_rows b
  JOIN articles a ON a.id = b.article_id
  CROSS JOIN LATERAL (
    SELECT (split_part(b.band_key, ':', 1)::bigint << 32) + (
      SELECT SUM((strpos('0123456789abcdefghijklmnopqrstuvwxyz', substr(h.digits, i, 1)) - 1) * power(36::numeric, length(h.digits) - i))::bigint
      FROM (SELECT split_part(b.band_key, ':', 2) AS digits) h, generate_series(1, length(h.digits)) AS i
    ) AS value
  ) v
  GROUP BY a.seq;
  DROP TABLE article_band_rows;
  CREATE INDEX article_bands_bands ON article_bands USING gin (bands) WITH (fastupdate = off);
`;
