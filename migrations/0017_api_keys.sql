-- Scoped API keys (issue 17). Only a SHA-256 hash of each key is kept; the key itself is shown
-- once, when it is made. Revoking deletes the row, so the next request with the key is refused on
-- every process that shares the store (keys are read per request, never cached).
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- read | emit | manage | admin
  scope TEXT NOT NULL,
  -- Hex SHA-256 of the whole key.
  hash TEXT NOT NULL UNIQUE,
  -- The key's first characters (`hgk_` + 6), to recognise it in a list.
  prefix TEXT NOT NULL,
  -- Microseconds since the epoch; `expires` and `last_used` may be null.
  created INTEGER NOT NULL,
  expires INTEGER,
  last_used INTEGER
);

-- Retention prunes the oldest events by time of receipt, a small batch at a time: this index makes
-- each batch a range read (received only grows, so entries append).
CREATE INDEX events_received ON events (received);
