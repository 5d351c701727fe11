-- Scoped API keys and retention on PostgreSQL: the same as ../0017_api_keys.sql. Only a SHA-256
-- hash of each key is kept; revoking deletes the row, and keys are read per request (never
-- cached), so a revoked key is refused at once by every process on this database.
CREATE TABLE api_keys (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  -- read | emit | manage | admin
  scope text COLLATE "C" NOT NULL,
  -- Hex SHA-256 of the whole key.
  hash text COLLATE "C" NOT NULL UNIQUE,
  -- The key's first characters (`hgk_` + 6), to recognise it in a list.
  prefix text NOT NULL,
  -- Microseconds since the epoch; `expires` and `last_used` may be null.
  created bigint NOT NULL,
  expires bigint,
  last_used bigint
);

-- Retention prunes the oldest events by time of receipt, a small batch at a time: this index makes
-- each batch a range read.
CREATE INDEX events_received ON events (received);
