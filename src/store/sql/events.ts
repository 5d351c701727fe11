/** STUB — to be replaced: shared SQL for event filters and count-by, run by both drivers. */
import type { CountRequest, EventCount, EventFilter } from '../../schemas/filter';
import { fromEventBody } from '../rows';
import type { EventPage, SqlReader } from '../types';

export async function queryEvents(
  reader: SqlReader,
  _filter: EventFilter,
  page: { limit: number; offset: number },
): Promise<EventPage> {
  const rows = await reader.all<{ body: string }>('SELECT body FROM events ORDER BY occurred DESC LIMIT ? OFFSET ?', [
    page.limit,
    page.offset,
  ]);
  const [count] = await reader.all<{ total: number }>('SELECT count(*) AS total FROM events', []);
  return { events: rows.map((r) => fromEventBody(r.body)), total: count?.total ?? 0 };
}

export async function countEvents(_reader: SqlReader, _request: CountRequest): Promise<EventCount[]> {
  return [];
}
