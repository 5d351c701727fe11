-- hookgate schema for PostgreSQL (several gateway processes, one store). The same tables as the
-- SQLite/D1 schema in ../0001_init.sql, so the shared queries (src/store/sql/) answer the same.
-- Times are bigints: microseconds since the Unix epoch (UTC). Text compares byte by byte
-- (COLLATE "C", as SQLite's BINARY), whatever the database's locale, so orders and ranges agree.

-- Events. `seq` is the insertion order; `id` the event's UUID, unique: first write wins. `body` is
-- `json` (kept as written, key order included), not `jsonb`, so an event reads back byte for byte.
CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text COLLATE "C" NOT NULL,
  occurred bigint NOT NULL,
  received bigint NOT NULL,
  event text COLLATE "C" NOT NULL,
  resource_id text COLLATE "C" NOT NULL,
  -- What `text` filters search besides the payload, lower-cased: the event name and label values.
  search text COLLATE "C" NOT NULL,
  body json NOT NULL
);
CREATE UNIQUE INDEX events_id ON events (id);
CREATE INDEX events_occurred ON events (occurred, seq) INCLUDE (event);
CREATE INDEX events_event_occurred ON events (event, occurred);
CREATE INDEX events_resource_occurred ON events (resource_id, occurred);

-- How many events each UTC day holds, per event name (see ../0001_init.sql), as deltas: each
-- statement that inserts, deletes or moves events appends one row per (day, name) it touched, and
-- totals add them up. Appending takes no row lock, so processes writing the same event names on
-- the same day never wait for each other's commits (an upsert of one counter row would make them
-- take turns). The driver folds each day's rows into one now and then (src/store/postgres/day-counts.ts).
CREATE TABLE event_day_counts (
  day bigint NOT NULL,
  event text COLLATE "C" NOT NULL,
  n bigint NOT NULL
);
CREATE INDEX event_day_counts_day ON event_day_counts (day, event);
CREATE INDEX event_day_counts_event ON event_day_counts (event, day);

CREATE FUNCTION hookgate_count_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO event_day_counts (day, event, n)
    SELECT floor(occurred / 86400000000.0)::bigint, event, -count(*) FROM gone GROUP BY 1, 2;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO event_day_counts (day, event, n)
    SELECT floor(occurred / 86400000000.0)::bigint, event, count(*) FROM added GROUP BY 1, 2;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER events_counted AFTER INSERT ON events REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION hookgate_count_days();
CREATE TRIGGER events_uncounted AFTER DELETE ON events REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION hookgate_count_days();
CREATE TRIGGER events_recounted AFTER UPDATE ON events REFERENCING OLD TABLE AS gone NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION hookgate_count_days();

-- Every resource of an event, the primary one (role '') and each related one. `labels` is jsonb
-- (each label read with ->>); `occurred` repeats the event's, as in SQLite.
CREATE TABLE event_resources (
  event_seq bigint NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
  occurred bigint NOT NULL,
  resource_id text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  labels jsonb NOT NULL
);
CREATE INDEX event_resources_resource ON event_resources (resource_id, occurred, event_seq) INCLUDE (role);
CREATE INDEX event_resources_event ON event_resources (event_seq);
-- Related resources only (the primary one has role ''): `related` filters by role alone find them here.
CREATE INDEX event_resources_related_role ON event_resources (role, occurred) WHERE role <> '';

-- Webhooks; `config` holds the mapping, verification and delivery-id settings as JSON text.
CREATE TABLE webhooks (
  id text COLLATE "C" PRIMARY KEY,
  slug text COLLATE "C" NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL,
  enabled integer NOT NULL,
  config text NOT NULL,
  created bigint NOT NULL,
  updated bigint NOT NULL
);

-- Every change to a webhook, from any process (or by hand), tells every gateway listening on
-- this database to drop it from its cache: the payload is the webhook's id.
CREATE FUNCTION hookgate_webhook_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hookgate_webhooks', coalesce(NEW.id, OLD.id));
  RETURN NULL;
END $$;
CREATE TRIGGER webhooks_changed AFTER INSERT OR UPDATE OR DELETE ON webhooks
  FOR EACH ROW EXECUTE FUNCTION hookgate_webhook_changed();
