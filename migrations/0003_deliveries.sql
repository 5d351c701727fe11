-- The delivery log (DESIGN §4, issue 18): every request to a webhook URL with its outcome, so a
-- user can see why a sender's requests do not arrive. Bounded per webhook (count and age) by
-- pruning; never holds a body of a refused request, a signature, a token or a cookie.
CREATE TABLE deliveries (
  -- Arrival order within the log (a rowid, so inserts append); paging and following use it.
  seq INTEGER PRIMARY KEY,
  webhook_id TEXT NOT NULL,
  -- Microseconds since the Unix epoch.
  received INTEGER NOT NULL,
  -- stored | failed | rejected | handshake
  outcome TEXT NOT NULL,
  -- The whole record as JSON.
  body TEXT NOT NULL
);
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, seq);
CREATE INDEX deliveries_webhook_outcome ON deliveries (webhook_id, outcome, seq);
CREATE INDEX deliveries_received ON deliveries (received);

-- Requests and stored events per webhook, hour and outcome, kept with the log (upserted in the
-- same transaction as its records) but not capped by count: the webhooks list's 24-hour figures
-- and each webhook's activity chart count by time of receipt from here.
CREATE TABLE delivery_counts (
  webhook_id TEXT NOT NULL,
  -- floor(received / 3 600 000 000): hours since the epoch.
  hour INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  requests INTEGER NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (webhook_id, hour, outcome)
) WITHOUT ROWID;
