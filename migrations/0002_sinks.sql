-- Forwarding (issue 13): sinks, their outbox and their dead letters.
--
-- The outbox holds one row per (sink, event) still to deliver, inserted by a trigger in the same
-- statement (so the same transaction) as the event, for every enabled sink at that moment (a sink's
-- filter is applied when the row is claimed). A duplicate event inserts nothing, so it queues nothing. There is no cursor over `events.seq`: with several writers (PostgreSQL) sequence order
-- is not commit order, so a cursor could skip an event committed late with a lower number. A row is
-- claimed with a lease (`claimed_by`, `lease_until`); a lease that expires (a process killed
-- mid-send) is taken over by the next drain. Delivered rows are deleted; rejected ones move to
-- sink_dead_letters. `lease_until` also holds a row back until its retry time.

CREATE TABLE sinks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  enabled INTEGER NOT NULL,
  -- 'api' (checked by the SSRF guard) or 'env' (the operator's, trusted).
  origin TEXT NOT NULL,
  -- kind, URL, credentials, filter, options as JSON.
  config TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  -- Delivery status, kept apart from the configuration so an edit never resets it.
  state TEXT NOT NULL DEFAULT 'ok',
  delivered INTEGER NOT NULL DEFAULT 0,
  retries INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER,
  last_error TEXT,
  last_attempt INTEGER,
  last_success INTEGER,
  -- No attempt before this time (µs): the sink's backoff, shared by every process.
  next_attempt INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sink_outbox (
  sink_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  -- The event's arrival (µs): delivery order and lag.
  received INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  lease_until INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (sink_id, event_id)
) WITHOUT ROWID;
-- Claims, and the rows of one claim (sink, lease end, token), are found through this index.
CREATE INDEX sink_outbox_due ON sink_outbox (sink_id, lease_until, received);

-- Trigger changes are not counted by changes(), so INSERT_RESOURCES' `changes() = 1` still sees the event's own insert.
CREATE TRIGGER events_outbox AFTER INSERT ON events BEGIN
  INSERT OR IGNORE INTO sink_outbox (sink_id, event_id, received)
  SELECT id, NEW.id, NEW.received FROM sinks WHERE enabled = 1;
END;

CREATE TABLE sink_dead_letters (
  sink_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  received INTEGER NOT NULL,
  reason TEXT NOT NULL,
  status INTEGER,
  excerpt TEXT NOT NULL,
  created INTEGER NOT NULL,
  PRIMARY KEY (sink_id, event_id)
) WITHOUT ROWID;
CREATE INDEX sink_dead_letters_created ON sink_dead_letters (sink_id, created);
