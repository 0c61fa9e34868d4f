/** 008: corrections live on the article (`revision_of`) alone, and a poll lease per source, as SQLite's 008 says. */
export const up = `
  UPDATE articles SET revision_of = r.revision_of
    FROM article_revisions r
    WHERE r.article_id = articles.id AND articles.revision_of IS NULL
      AND EXISTS (SELECT 1 FROM articles o WHERE o.id = r.revision_of);
  DROP TABLE article_revisions;
  CREATE INDEX articles_revision_of ON articles (revision_of) WHERE revision_of IS NOT NULL;
  ALTER TABLE sources ADD COLUMN lease_until text COLLATE "C";
`;
