/** `hookgate events …`: ls with filters, get, and tail (follow new events until interrupted). */
import type { Command } from 'commander';
import type { StoredEvent } from '../../schemas/event';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { ago, print, table } from '../output';

interface EventPage {
  events: StoredEvent[];
  total: number;
  next_page: string | null;
}

interface TailPage {
  events: StoredEvent[];
  cursor: string;
}

const TAIL_LIMIT = 200;

interface FilterFlags {
  event?: string;
  resource?: string;
  related?: string;
  since?: string;
  limit?: string;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** `1h`, `30m`, `7d` before now, or an ISO time as it is. */
export function parseSince(value: string, now = Date.now()): string {
  const relative = /^(\d+)\s*([smhdw])$/i.exec(value.trim());
  if (relative) return new Date(now - Number(relative[1]) * (UNITS[relative[2]?.toLowerCase() ?? 's'] ?? 1) * 1000).toISOString();
  if (Number.isNaN(Date.parse(value)))
    throw new CliError(`--since wants a duration like 1h, 30m, 7d or an ISO time, got "${value}"`);
  return new Date(value).toISOString();
}

/** The Prefect `EventFilter` the flags describe. */
export function filterFrom(flags: FilterFlags, now = Date.now()): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (flags.event) filter.event = { prefix: [flags.event] };
  if (flags.resource) filter.resource = { id: [flags.resource] };
  if (flags.related) filter.related = { id: [flags.related] };
  if (flags.since) filter.occurred = { since: parseSince(flags.since, now), until: new Date(now + 86_400_000).toISOString() };
  return filter;
}

function rows(events: StoredEvent[]): string[][] {
  return events.map((e) => [
    ago(e.occurred),
    e.event,
    e.resource['prefect.resource.name'] ?? e.resource['prefect.resource.id'] ?? '',
    e.id,
  ]);
}

const HEADERS = ['OCCURRED', 'EVENT', 'RESOURCE', 'ID'];

function filterOptions(command: Command): Command {
  return command
    .option('--event <prefix>', 'event names starting with this, e.g. github.push')
    .option('--resource <id>', 'events about this resource id')
    .option('--related <id>', 'events with this related resource, e.g. hookgate.webhook.<id>')
    .option('--since <when>', 'occurred since a duration ago (1h, 30m, 7d) or an ISO time');
}

export function registerEventCommands(program: Command, context: () => CliContext): void {
  const events = program
    .command('events')
    .description('read stored events')
    .addHelpText('after', '\nExample:\n  hookgate events ls --since 1h\n  hookgate events tail --event github.');

  filterOptions(events.command('ls'))
    .description('list events, newest first')
    .option('--limit <n>', 'at most this many (1–200)', '20')
    .addHelpText('after', '\nExample:\n  hookgate events ls --event github. --since 1h')
    .action(async (flags: FilterFlags) => {
      const { client, out } = context();
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliError('--limit wants a whole number from 1 to 200');
      const page = await client.request<EventPage>('POST', '/api/events/filter', { filter: filterFrom(flags), limit });
      print(out, page, () =>
        page.events.length === 0
          ? 'No events match.'
          : `${table(HEADERS, rows(page.events))}\n(${page.events.length} of ${page.total})`,
      );
    });

  events
    .command('get <id>')
    .description('show one event as JSON')
    .addHelpText('after', '\nExample:\n  hookgate events get 0190c000-0000-7000-8000-000000000001')
    .action(async (id: string) => {
      const { client, out } = context();
      const event = await client.request<StoredEvent>('GET', `/api/events/${encodeURIComponent(id)}`);
      print(out, event, () => JSON.stringify(event, null, 2));
    });

  filterOptions(events.command('tail'))
    .description('follow new events as they arrive (in arrival order), until interrupted (Ctrl-C)')
    .option('--interval <seconds>', 'how often to look', '1')
    .addHelpText('after', '\nExample:\n  hookgate events tail --event stripe.')
    .action(async (flags: FilterFlags & { interval: string }) => {
      const { client, out } = context();
      const filter = filterFrom(flags);
      const pause = Math.max(0.2, Number(flags.interval) || 1) * 1000;
      // Follows events by arrival, not by `occurred` (a provider's own timestamp may be older):
      // the first call gives the cursor for "now", each answer the cursor to pass next.
      let { cursor } = await client.request<TailPage>('POST', '/api/events/tail', { filter, limit: 1 });
      for (;;) {
        const page = await client.request<TailPage>('POST', '/api/events/tail', { filter, after: cursor, limit: TAIL_LIMIT });
        cursor = page.cursor;
        for (const event of page.events) {
          out.write(
            out.json
              ? `${JSON.stringify(event)}\n`
              : `${event.occurred}  ${event.event}  ${event.resource['prefect.resource.id']}\n`,
          );
        }
        if (page.events.length < TAIL_LIMIT) await new Promise((resolve) => setTimeout(resolve, pause));
      }
    });
}
