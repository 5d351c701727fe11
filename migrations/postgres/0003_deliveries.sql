-- The delivery log on PostgreSQL: the same tables as ../0003_deliveries.sql (every request to a
-- webhook URL and its outcome, and hourly counts kept beside it), so the shared queries of
-- src/store/sql/deliveries.ts answer the same. Times are microseconds since the Unix epoch.
CREATE TABLE deliveries (
  -- Arrival order within the log; paging and following use it.
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id text COLLATE "C" NOT NULL,
  received bigint NOT NULL,
  -- stored | failed | rejected | handshake
  outcome text COLLATE "C" NOT NULL,
  -- The whole record as JSON text.
  body text NOT NULL
);
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, seq);
CREATE INDEX deliveries_webhook_outcome ON deliveries (webhook_id, outcome, seq);
CREATE INDEX deliveries_received ON deliveries (received);

-- Requests and stored events per webhook, hour and outcome, upserted in the statement that writes
-- the records (src/store/postgres/deliveries.ts); pruned by age with them, never by count.
CREATE TABLE delivery_counts (
  webhook_id text COLLATE "C" NOT NULL,
  -- floor(received / 3 600 000 000): hours since the epoch.
  hour bigint NOT NULL,
  outcome text COLLATE "C" NOT NULL,
  requests bigint NOT NULL,
  events bigint NOT NULL,
  PRIMARY KEY (webhook_id, hour, outcome)
);
