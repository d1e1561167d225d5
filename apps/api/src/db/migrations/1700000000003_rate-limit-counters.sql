-- Up Migration

-- Counters of rate-limiter-flexible's PostgreSQL store (platform/rate-limits.ts), in the shape that library
-- expects: every API instance on this database shares them. `expire` is epoch milliseconds.
CREATE TABLE rate_limits (
  key    varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);

-- Down Migration
DROP TABLE rate_limits;
