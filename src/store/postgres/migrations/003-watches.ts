/**
 * 003: saved searches and their matches with delivery state, as SQLite's 003. `recorded` keeps
 * the order matches were recorded in (SQLite's rowid does that there).
 */
export const up = `
  CREATE TABLE watches (
    id          text PRIMARY KEY,
    query       text NOT NULL,
    language    text,
    source      text,
    webhook     text,
    created_at  text COLLATE "C" NOT NULL,
    failures    integer NOT NULL DEFAULT 0,
    last_error  text,
    last_fired  text
  );
  CREATE TABLE watch_matches (
    watch_id      text NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    article_id    text COLLATE "C" NOT NULL,
    sentence      text NOT NULL,
    status        text NOT NULL CHECK (status IN ('pending', 'delivered')),
    attempts      integer NOT NULL DEFAULT 0,
    last_error    text,
    matched_at    text COLLATE "C" NOT NULL,
    delivered_at  text,
    claimed_until text COLLATE "C",
    recorded      bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (watch_id, article_id)
  );
  CREATE INDEX watch_matches_pending ON watch_matches (watch_id) WHERE status = 'pending';
`;
