/**
 * 005: full-text search (src/store/postgres/search.ts says how the terms are laid out). One row
 * per sentence with one tsvector of Kronika's own folded words and lemmas, indexed by GIN; the
 * sentence offsets of an article are one small row, as in SQLite's 005.
 */
export const up = `
  CREATE TABLE search_documents (
    seq     bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    offsets bytea NOT NULL
  );
  CREATE TABLE search_sentences (
    seq   bigint NOT NULL REFERENCES search_documents (seq) ON DELETE CASCADE,
    idx   integer NOT NULL,
    terms tsvector NOT NULL,
    PRIMARY KEY (seq, idx)
  );
  CREATE INDEX search_sentences_terms ON search_sentences USING gin (terms);
`;
