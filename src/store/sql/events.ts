/**
 * Event queries shared by both drivers: one page of a filter's matches in occurred order, and
 * their total. Prefect orders by `occurred` only; `seq` breaks ties so pages never overlap.
 */
import type { ResolvedEventFilter } from '../../schemas/filter';
import { fromEventBody } from '../rows';
import type { EventPage, PageRequest, SqlReader } from '../types';
import { whereClause } from './filter';

function orderBy(filter: ResolvedEventFilter, alias: string): string {
  const direction = filter.order === 'ASC' ? 'ASC' : 'DESC';
  return `${alias}.occurred ${direction}, ${alias}.seq ${direction}`;
}

/** `resource.distinct`: one event per primary resource id, the first in the requested order. */
function distinctPageSql(filter: ResolvedEventFilter, where: string): string {
  return `WITH ranked AS (
      SELECT e.seq, e.occurred, row_number() OVER (PARTITION BY e.resource_id ORDER BY ${orderBy(filter, 'e')}) AS rank
      FROM events AS e WHERE ${where})
    SELECT ev.body FROM ranked JOIN events AS ev ON ev.seq = ranked.seq
    WHERE ranked.rank = 1 ORDER BY ${orderBy(filter, 'ranked')} LIMIT ? OFFSET ?`;
}

function pageSql(filter: ResolvedEventFilter, where: string): string {
  return `SELECT e.body FROM events AS e WHERE ${where} ORDER BY ${orderBy(filter, 'e')} LIMIT ? OFFSET ?`;
}

async function countMatches(reader: SqlReader, filter: ResolvedEventFilter): Promise<number> {
  const where = whereClause(filter);
  const counted = filter.resource?.distinct ? 'count(DISTINCT e.resource_id)' : 'count(*)';
  const [row] = await reader.all<{ total: number }>(`SELECT ${counted} AS total FROM events AS e WHERE ${where.sql}`, where.params);
  return row?.total ?? 0;
}

/**
 * One page of the events `filter` matches and their total. A later page passes the total its
 * token carries (`knownTotal`): Prefect reports the first page's total on every page.
 */
export async function queryEvents(reader: SqlReader, filter: ResolvedEventFilter, page: PageRequest): Promise<EventPage> {
  const total = page.knownTotal ?? (await countMatches(reader, filter));
  const pastTheEnd = page.knownTotal === undefined && page.offset >= total;
  if (page.limit === 0 || pastTheEnd) return { events: [], total };
  const where = whereClause(filter);
  const sql = filter.resource?.distinct ? distinctPageSql(filter, where.sql) : pageSql(filter, where.sql);
  const rows = await reader.all<{ body: string }>(sql, [...where.params, page.limit, page.offset]);
  return { events: rows.map((row) => fromEventBody(row.body)), total };
}
