-- Retention asks, for each event it would prune, whether any sink still has it pending
-- (src/store/sql/retention.ts): an index on the outbox's event ids answers that at once.
CREATE INDEX sink_outbox_event ON sink_outbox (event_id);
