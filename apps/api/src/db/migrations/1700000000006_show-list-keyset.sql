-- Up Migration

-- GET /shows pages by (start_time, id) (docs/decisions/0010): a page starts where the last one ended, by a
-- row comparison that this index answers directly, in either direction. It serves everything the
-- start_time index did, so that one goes.
CREATE INDEX shows_start_time_id_idx ON shows (start_time, id);
DROP INDEX shows_start_time_idx;

-- Down Migration

CREATE INDEX shows_start_time_idx ON shows (start_time);
DROP INDEX shows_start_time_id_idx;
