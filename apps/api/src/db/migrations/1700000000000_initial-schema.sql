-- Up Migration

-- Emails are stored lower-cased by the code; the unique index on lower(email) holds even if it forgets.
CREATE TABLE users (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  password_hash text        NOT NULL,
  role          text        NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- available_slots counts places not held by a PENDING or CONFIRMED booking. The CHECK is the last line
-- of defence against overbooking: no code path can commit a negative count.
CREATE TABLE shows (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  start_time      timestamptz NOT NULL,
  total_slots     integer     NOT NULL CHECK (total_slots BETWEEN 1 AND 100000),
  available_slots integer     NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT shows_available_slots_range CHECK (available_slots >= 0 AND available_slots <= total_slots)
);
CREATE INDEX shows_start_time_idx ON shows (start_time);

CREATE TABLE bookings (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      integer     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  show_id      integer     NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
  quantity     integer     NOT NULL CHECK (quantity BETWEEN 1 AND 10),
  status       text        NOT NULL DEFAULT 'PENDING'
                           CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  CONSTRAINT bookings_hold_ends_after_start CHECK (expires_at > created_at),
  CONSTRAINT bookings_confirmed_has_time CHECK (status <> 'CONFIRMED' OR confirmed_at IS NOT NULL),
  CONSTRAINT bookings_cancelled_has_time CHECK (status <> 'CANCELLED' OR cancelled_at IS NOT NULL)
);
-- The sweeper's scan: PENDING holds past expires_at, oldest first.
CREATE INDEX bookings_pending_expiry_idx ON bookings (expires_at) WHERE status = 'PENDING';
-- Per-show lapsed-hold lookups (availability reads, reclaim inside the booking transaction).
CREATE INDEX bookings_show_pending_idx ON bookings (show_id, expires_at) WHERE status = 'PENDING';
CREATE INDEX bookings_show_id_idx ON bookings (show_id, created_at DESC);
CREATE INDEX bookings_user_id_idx ON bookings (user_id, created_at DESC);

-- Down Migration
DROP TABLE bookings;
DROP TABLE shows;
DROP TABLE users;
