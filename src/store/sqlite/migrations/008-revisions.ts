/**
 * 008: one truth for corrections. A corrected article's link to the article it corrects is the
 * article's own `revision_of` (migration 004), set when it is stored (src/store/store.ts,
 * ArticleStore.save); the `article_revisions` side table of 007 said the same thing a second
 * time. Its links are copied onto the articles that lack one, then it is dropped.
 *
 * And a poll lease per source (`lease_until`): a poller takes it before polling the source and
 * the poll's record releases it, so two pollers (`kronika run` and a cron `sources poll`, or
 * several `kronika worker`s) never refresh one source at once (src/sources/store.ts, lease).
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    UPDATE articles SET revision_of = (
      SELECT r.revision_of FROM article_revisions r
      WHERE r.article_id = articles.id AND r.revision_of IN (SELECT id FROM articles)
    )
    WHERE revision_of IS NULL AND id IN (SELECT article_id FROM article_revisions);
    DROP TABLE article_revisions;
    CREATE INDEX articles_revision_of ON articles (revision_of) WHERE revision_of IS NOT NULL;
    ALTER TABLE sources ADD COLUMN lease_until TEXT;
  `);
}
