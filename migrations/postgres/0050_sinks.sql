-- Forwarding (issue 13) on PostgreSQL: sinks, their outbox and their dead letters, as in
-- ../0002_sinks.sql (read it for the design). The outbox rows of new events are written by a
-- statement trigger on `events`, so in the same statement, and the same transaction, as the events:
-- an event is committed with one row per sink enabled at that moment, or not at all. A duplicate
-- inserts nothing (ON CONFLICT DO NOTHING), so it queues nothing. Several processes claim from one
-- outbox: each claim locks the rows it takes with FOR UPDATE SKIP LOCKED (src/store/sql/sinks.ts).

CREATE TABLE sinks (
  id text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL UNIQUE,
  enabled integer NOT NULL,
  origin text NOT NULL,
  config text NOT NULL,
  created bigint NOT NULL,
  updated bigint NOT NULL,
  state text NOT NULL DEFAULT 'ok',
  delivered bigint NOT NULL DEFAULT 0,
  retries bigint NOT NULL DEFAULT 0,
  failures integer NOT NULL DEFAULT 0,
  last_status integer,
  last_error text,
  last_attempt bigint,
  last_success bigint,
  next_attempt bigint NOT NULL DEFAULT 0
);

CREATE TABLE sink_outbox (
  sink_id text COLLATE "C" NOT NULL,
  event_id text COLLATE "C" NOT NULL,
  received bigint NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  claimed_by text COLLATE "C",
  lease_until bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (sink_id, event_id)
);
-- Claims, and the rows of one claim (sink, lease end, token), are found through this index.
CREATE INDEX sink_outbox_due ON sink_outbox (sink_id, lease_until, received);
-- Retention asks whether any sink still has an event pending (src/store/sql/retention.ts).
CREATE INDEX sink_outbox_event ON sink_outbox (event_id);

CREATE TABLE sink_dead_letters (
  sink_id text COLLATE "C" NOT NULL,
  event_id text COLLATE "C" NOT NULL,
  received bigint NOT NULL,
  reason text NOT NULL,
  status integer,
  excerpt text NOT NULL,
  created bigint NOT NULL,
  PRIMARY KEY (sink_id, event_id)
);
CREATE INDEX sink_dead_letters_created ON sink_dead_letters (sink_id, created);

-- One INSERT per statement (a group commit's whole batch), not one per event.
CREATE FUNCTION hookgate_queue_for_sinks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sink_outbox (sink_id, event_id, received)
  SELECT s.id, a.id, a.received FROM added AS a CROSS JOIN sinks AS s WHERE s.enabled = 1
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER events_outbox AFTER INSERT ON events REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION hookgate_queue_for_sinks();
