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
