/**
 * A person's named views of the inbox (filters and sort), in the order they were made. Names are
 * unique per person whatever their case.
 */
export const savedViews = /* sql */ `
CREATE TABLE saved_views (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL DEFAULT 0,
  name        TEXT NOT NULL,
  view        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX saved_views_user_name ON saved_views(user_id, name COLLATE NOCASE);
`;
