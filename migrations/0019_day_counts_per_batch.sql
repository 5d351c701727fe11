-- Day counts per batch (issue 16): the writers add each transaction's new events to
-- event_day_counts once per (day, name) (src/store/sql/day-counts.ts) instead of this trigger's
-- upsert per inserted row. Deletes and moves are still counted by events_uncounted and events_recounted.
DROP TRIGGER events_counted;
