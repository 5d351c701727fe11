/**
 * Faster SQL for the commonest filter shapes, with the same results as the general query: a time
 * window (optionally by event name or prefix), and a window plus one resource criterion that
 * the index can find.
 */
import type { SqlReader } from '../types';
import type { Dialect } from './dialect';
import type { CompiledFilter } from './filter';
import { and, type Fragment, fragment } from './fragment';
import { type ResourceCriterion, resourceRowsWhere, type Window } from './resources';

const DAY_MICROS = 86_400_000_000;

/** A filter on the occurred window and the event name only. */
export function isNamesOnly(filter: CompiledFilter): boolean {
  return filter.own.length === 0 && filter.resources.length === 0;
}

/**
 * Events in `[from, to]` whose name meets `names`, counted one by one. The window is short (part
 * of a day, or the whole of a short filter), so the planner is told to walk it rather than a name range.
 */
function countBetween(dialect: Dialect, from: number, to: number, names: readonly Fragment[]): Fragment {
  const where = and([fragment('e.occurred >= ? AND e.occurred <= ?', from, to), ...names]) as Fragment;
  return fragment(
    `(SELECT count(*) FROM events AS e ${dialect.indexedBy('events_occurred')} WHERE ${where.sql})`,
    ...where.params,
  );
}

/** Events of the whole days `[firstDay, lastDay]` whose name meets `names`, from the day counts. */
function sumDays(firstDay: number, lastDay: number, names: readonly Fragment[]): Fragment {
  // The name conditions are written for `e.event`; the day table has that column too.
  const where = and([fragment('e.day >= ? AND e.day <= ?', firstDay, lastDay), ...names]) as Fragment;
  return fragment(`(SELECT coalesce(sum(e.n), 0) FROM event_day_counts AS e WHERE ${where.sql})`, ...where.params);
}

/**
 * The events in `window` whose name meets `names`. Counting an index range costs a step per
 * event, so whole days are summed from `event_day_counts` (kept by the writers, ./day-counts.ts) and only the two
 * partial days at the ends are counted event by event.
 */
export async function countByDay(reader: SqlReader, window: Window, names: readonly Fragment[]): Promise<number> {
  const firstDay = Math.ceil(window.since / DAY_MICROS);
  const lastDay = Math.floor((window.until + 1) / DAY_MICROS) - 1;
  const parts =
    firstDay > lastDay
      ? [countBetween(reader.dialect, window.since, window.until, names)]
      : [
          countBetween(reader.dialect, window.since, firstDay * DAY_MICROS - 1, names),
          sumDays(firstDay, lastDay, names),
          countBetween(reader.dialect, (lastDay + 1) * DAY_MICROS, window.until, names),
        ];
  const sum = parts.map((part) => part.sql).join(' + ');
  const [row] = await reader.all<{ n: number }>(
    `SELECT ${sum} AS n`,
    parts.flatMap((part) => part.params),
  );
  return row?.n ?? 0;
}

/** The one resource criterion of a filter that has nothing else, when the index can find its rows. */
export function soleIndexedResource(filter: CompiledFilter): ResourceCriterion | undefined {
  const [criterion] = filter.resources;
  const alone = filter.names.length === 0 && filter.own.length === 0 && filter.resources.length === 1;
  return alone && criterion?.indexed ? criterion : undefined;
}

/** Matching (occurred, event) pairs straight from the covering index; DISTINCT: one event may match on several rows. */
function matchingRows(criterion: ResourceCriterion, window: Window): Fragment {
  const where = resourceRowsWhere(criterion, window);
  return fragment(`SELECT DISTINCT r.occurred, r.event_seq FROM event_resources AS r WHERE ${where.sql}`, ...where.params);
}

/** How many events have a row meeting `criterion` in `window`, counted in the covering index. */
export async function countByResource(reader: SqlReader, criterion: ResourceCriterion, window: Window): Promise<number> {
  const rows = matchingRows(criterion, window);
  const [row] = await reader.all<{ n: number }>(`SELECT count(*) AS n FROM (${rows.sql}) AS m`, rows.params);
  return row?.n ?? 0;
}

/** One page (LIMIT and OFFSET parameters follow), ordered and cut in the index before any event row is read. */
export function pageByResource(criterion: ResourceCriterion, window: Window, direction: 'ASC' | 'DESC'): Fragment {
  const rows = matchingRows(criterion, window);
  const order = (alias: string) => `${alias}.occurred ${direction}, ${alias}.event_seq ${direction}`;
  return fragment(
    `SELECT e.body FROM (${rows.sql} ORDER BY ${order('r')} LIMIT ? OFFSET ?) AS d
      JOIN events AS e ON e.seq = d.event_seq ORDER BY ${order('d')}`,
    ...rows.params,
  );
}
