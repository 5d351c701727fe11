/**
 * Event queries shared by both drivers: one page of a filter's matches in occurred order, and
 * their total. Prefect orders by `occurred` only; `seq` breaks ties so pages never overlap.
 */
import type { EventFilter } from '../../schemas/filter';
import { fromEventBody } from '../rows';
import type { EventPage, PageRequest, SqlReader } from '../types';
import { type CompiledFilter, compileFilter, whereClause } from './filter';
import { type Fragment, fragment } from './fragment';
import { limitedReader } from './limits';
import { countByDay, countByResource, isNamesOnly, pageByResource, soleIndexedResource } from './shortcuts';

export { countEvents } from './count';
export { readEventsAfter } from './tail';

type Direction = 'ASC' | 'DESC';

function orderBy(direction: Direction, alias: string): string {
  return `${alias}.occurred ${direction}, ${alias}.seq ${direction}`;
}

/** `resource.distinct`: one event per primary resource id, the first in the requested order. */
function distinctPageSql(direction: Direction, where: string): string {
  return `WITH ranked AS (
      SELECT e.seq, e.occurred, row_number() OVER (PARTITION BY e.resource_id ORDER BY ${orderBy(direction, 'e')}) AS rank
      FROM events AS e WHERE ${where})
    SELECT ev.body FROM ranked JOIN events AS ev ON ev.seq = ranked.seq
    WHERE ranked.rank = 1 ORDER BY ${orderBy(direction, 'ranked')} LIMIT ? OFFSET ?`;
}

async function countMatches(reader: SqlReader, compiled: CompiledFilter, distinct: boolean): Promise<number> {
  const sole = distinct ? undefined : soleIndexedResource(compiled);
  if (sole) return countByResource(reader, sole, compiled.window);
  if (!distinct && isNamesOnly(compiled)) return countByDay(reader, compiled.window, compiled.names);
  const where = whereClause(compiled);
  const counted = distinct ? 'count(DISTINCT e.resource_id)' : 'count(*)';
  const [row] = await reader.all<{ total: number }>(
    `SELECT ${counted} AS total FROM events AS e WHERE ${where.sql}`,
    where.params,
  );
  return row?.total ?? 0;
}

/** The query for one page; its LIMIT and OFFSET parameters come last. */
function pageSql(compiled: CompiledFilter, direction: Direction, distinct: boolean): Fragment {
  const sole = distinct ? undefined : soleIndexedResource(compiled);
  if (sole) return pageByResource(sole, compiled.window, direction);
  const where = whereClause(compiled);
  if (distinct) return fragment(distinctPageSql(direction, where.sql), ...where.params);
  return fragment(
    `SELECT e.body FROM events AS e WHERE ${where.sql} ORDER BY ${orderBy(direction, 'e')} LIMIT ? OFFSET ?`,
    ...where.params,
  );
}

/**
 * One page of the events `filter` matches and their total. A later page passes the total its
 * token carries (`knownTotal`): Prefect reports the first page's total on every page. A filter
 * too large for one statement is a 422 (see ./limits.ts).
 */
export async function queryEvents(source: SqlReader, filter: EventFilter, page: PageRequest): Promise<EventPage> {
  const reader = limitedReader(source);
  const compiled = compileFilter(filter, 'window', reader.dialect);
  const distinct = filter.resource?.distinct === true;
  const total = page.knownTotal ?? (await countMatches(reader, compiled, distinct));
  const pastTheEnd = page.knownTotal === undefined && page.offset >= total;
  if (page.limit === 0 || pastTheEnd) return { events: [], total };
  const { sql, params } = pageSql(compiled, filter.order === 'ASC' ? 'ASC' : 'DESC', distinct);
  const rows = await reader.all<{ body: string }>(sql, [...params, page.limit, page.offset]);
  return { events: rows.map((row) => fromEventBody(row.body)), total };
}
