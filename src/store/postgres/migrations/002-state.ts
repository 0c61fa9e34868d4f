/** 002: named state of stages that keep memory between runs, as SQLite's 002. */
export const up = `
  CREATE TABLE stage_state (
    name       text PRIMARY KEY,
    value      text NOT NULL,
    updated_at text NOT NULL
  );
`;
