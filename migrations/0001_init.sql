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
  -- Lower-cased values (event name, label values, payload values) that `text` filters search.
  search TEXT NOT NULL,
  -- The whole event as JSON, `received` included.
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX events_id ON events (id);
CREATE INDEX events_occurred ON events (occurred);
CREATE INDEX events_event_occurred ON events (event, occurred);
CREATE INDEX events_resource_occurred ON events (resource_id, occurred);

-- Every resource of an event, the primary one (role '') and each related one, so that
-- resource, related and any_resource filters are index lookups.
CREATE TABLE event_resources (
  event_seq INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
  occurred INTEGER NOT NULL,
  resource_id TEXT NOT NULL,
  role TEXT NOT NULL,
  -- All labels of the resource as a JSON object.
  labels TEXT NOT NULL
);
CREATE INDEX event_resources_resource ON event_resources (resource_id, occurred);
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
