-- hookgate schema, shared by better-sqlite3 (Node) and D1 (Workers: this is wrangler's migrations dir).
-- Times are integers: microseconds since the Unix epoch (UTC).

-- Events. `seq` is the insertion order (a rowid, so inserts append); `id` is the event's UUID,
-- unique: writing an id that exists is a no-op (first write wins).
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  occurred INTEGER NOT NULL,
  received INTEGER NOT NULL,
  event TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  -- What `text` filters search besides the payload (searched as JSON text), lower-cased: the event name and label values.
  search TEXT NOT NULL,
  -- The whole event as JSON, `received` included.
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX events_id ON events (id);
-- Pages walk one of these in occurred order (`seq` breaks ties). `event` rides along in
-- events_occurred so a name or prefix filter is checked in the index, not on the (large) rows.
CREATE INDEX events_occurred ON events (occurred, seq, event);
CREATE INDEX events_event_occurred ON events (event, occurred);
CREATE INDEX events_resource_occurred ON events (resource_id, occurred);

-- How many events each UTC day holds, per event name, kept by the triggers below. A filter's
-- total over a time window (optionally by name or prefix) adds up the whole days here and counts
-- only the two partial days at its ends event by event.
CREATE TABLE event_day_counts (
  -- floor(occurred / 86 400 000 000): days since the epoch.
  day INTEGER NOT NULL,
  event TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, event)
) WITHOUT ROWID;
CREATE INDEX event_day_counts_event ON event_day_counts (event, day);

CREATE TRIGGER events_counted AFTER INSERT ON events BEGIN
  INSERT INTO event_day_counts (day, event, n)
  VALUES (CASE WHEN NEW.occurred >= 0 THEN NEW.occurred / 86400000000 ELSE (NEW.occurred + 1) / 86400000000 - 1 END, NEW.event, 1)
  ON CONFLICT (day, event) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_uncounted AFTER DELETE ON events BEGIN
  UPDATE event_day_counts SET n = n - 1
  WHERE day = CASE WHEN OLD.occurred >= 0 THEN OLD.occurred / 86400000000 ELSE (OLD.occurred + 1) / 86400000000 - 1 END
    AND event = OLD.event;
END;
CREATE TRIGGER events_recounted AFTER UPDATE OF occurred, event ON events BEGIN
  UPDATE event_day_counts SET n = n - 1
  WHERE day = CASE WHEN OLD.occurred >= 0 THEN OLD.occurred / 86400000000 ELSE (OLD.occurred + 1) / 86400000000 - 1 END
    AND event = OLD.event;
  INSERT INTO event_day_counts (day, event, n)
  VALUES (CASE WHEN NEW.occurred >= 0 THEN NEW.occurred / 86400000000 ELSE (NEW.occurred + 1) / 86400000000 - 1 END, NEW.event, 1)
  ON CONFLICT (day, event) DO UPDATE SET n = n + 1;
END;

-- Every resource of an event, the primary one (role '') and each related one, so that
-- resource, related and any_resource filters are index lookups. `occurred` repeats the event's,
-- so one index range finds an event's resources in a time window, already in occurred order.
CREATE TABLE event_resources (
  event_seq INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
  occurred INTEGER NOT NULL,
  resource_id TEXT NOT NULL,
  role TEXT NOT NULL,
  -- All labels of the resource as a JSON object.
  labels TEXT NOT NULL
);
-- Covering for id/role/window filters: counting and paging them never reads a table row.
CREATE INDEX event_resources_resource ON event_resources (resource_id, occurred, event_seq, role);
CREATE INDEX event_resources_event ON event_resources (event_seq);

-- Webhooks. `config` holds the mapping, verification and delivery-id settings as JSON.
CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  config TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
