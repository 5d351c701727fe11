/**
 * Prefect's count-by over the events a filter matches: by time bucket (back-filled with zeros),
 * by event name, or by primary resource (labelled with its latest name).
 * @see https://github.com/PrefectHQ/prefect/blob/main/src/prefect/server/events/counting.py
 */
import { formatTimestamp } from '../../lib/time';
import type { CountQuery, EventCount } from '../../schemas/filter';
import type { SqlReader } from '../types';
import type { Dialect } from './dialect';
import { occurredWindow, whereClause } from './filter';
import { type Fragment, fragment } from './fragment';
import { limitedReader } from './limits';
import { type Buckets, bucketing, bucketMicros, bucketSpans, checkBucketCount, isoLabel, PIVOT_MICROS } from './time-buckets';

interface GroupRow {
  value: string;
  label: string;
  count: number;
  oldest: number;
  latest: number;
}

/**
 * Bucket number from the pivot: integer floor division (drivers may bind numbers as REAL, hence
 * the casts; integer `/` truncates towards zero, hence the correction before the pivot).
 */
const BUCKET_SQL =
  '(e.occurred - CAST(? AS BIGINT)) / CAST(? AS BIGINT) - CASE WHEN (e.occurred - CAST(? AS BIGINT)) % CAST(? AS BIGINT) < 0 THEN 1 ELSE 0 END';

async function countByTime(reader: SqlReader, query: CountQuery): Promise<EventCount[]> {
  const [unit, interval] = bucketing(query);
  const window = occurredWindow(query.filter);
  const buckets: Buckets = bucketSpans(window.since, window.until, unit, interval, query.nowMicros);
  const width = bucketMicros(unit, interval);
  const where = whereClause(query.filter, reader.dialect);
  const rows = await reader.all<{ bucket: number; count: number }>(
    `SELECT ${BUCKET_SQL} AS bucket, count(*) AS count FROM events AS e WHERE ${where.sql} GROUP BY bucket`,
    [PIVOT_MICROS, width, PIVOT_MICROS, width, ...where.params],
  );
  const counts = new Map(rows.map((row) => [row.bucket - buckets.firstIndex, row.count]));
  return buckets.spans.map((span, index) => ({
    value: String(index),
    label: isoLabel(span.start),
    count: counts.get(index) ?? 0,
    start_time: formatTimestamp(span.start),
    end_time: formatTimestamp(span.end),
  }));
}

function byEventSql(where: string): string {
  return `SELECT e.event AS value, e.event AS label, count(*) AS count, min(e.occurred) AS oldest, max(e.occurred) AS latest
    FROM events AS e WHERE ${where} GROUP BY e.event`;
}

/**
 * Primary resources; a resource whose name changed is labelled with the name of its latest events
 * (a tie between names broken by the name whose events arrived last), so every store agrees.
 */
function byResourceSql(dialect: Dialect, where: Fragment): Fragment {
  const name = dialect.labelValue('prefect.resource.name');
  const legacyName = dialect.labelValue('prefect.name');
  const sql = `WITH labelled AS (
      SELECT e.resource_id AS value,
        coalesce(${name.sql}, ${legacyName.sql}, e.resource_id) AS label,
        count(*) AS count, min(e.occurred) AS oldest, max(e.occurred) AS latest, max(e.seq) AS arrived
      FROM events AS e JOIN event_resources AS r ON r.event_seq = e.seq AND r.role = ''
      WHERE ${where.sql} GROUP BY 1, 2),
    relabelled AS (
      SELECT value, first_value(label) OVER (PARTITION BY value ORDER BY latest DESC, arrived DESC) AS label, count, oldest, latest FROM labelled)
    SELECT value, label, sum(count) AS count, min(oldest) AS oldest, max(latest) AS latest FROM relabelled GROUP BY value, label`;
  return fragment(sql, ...name.params, ...legacyName.params, ...where.params);
}

async function countByGroup(reader: SqlReader, query: CountQuery): Promise<EventCount[]> {
  const where = whereClause(query.filter, reader.dialect);
  const { sql, params } =
    query.countable === 'event' ? fragment(byEventSql(where.sql), ...where.params) : byResourceSql(reader.dialect, where);
  const rows = await reader.all<GroupRow>(`${sql} ORDER BY count DESC, label ASC, value ASC`, params);
  return rows.map((row) => ({
    value: row.value,
    label: row.label,
    count: row.count,
    start_time: formatTimestamp(row.oldest),
    end_time: formatTimestamp(row.latest),
  }));
}

/**
 * Prefect's `count-by/{day|time|event|resource}` answer for `query`. Like Prefect, every countable
 * first checks the bucket count of its window: 422 `too-many-buckets` beyond 1000. A filter too
 * large for one statement is a 422 too (see ./limits.ts).
 */
export async function countEvents(source: SqlReader, query: CountQuery): Promise<EventCount[]> {
  const window = occurredWindow(query.filter);
  checkBucketCount(window.since, window.until, ...bucketing(query));
  const reader = limitedReader(source);
  return query.countable === 'event' || query.countable === 'resource' ? countByGroup(reader, query) : countByTime(reader, query);
}
