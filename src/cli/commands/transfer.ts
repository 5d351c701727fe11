/**
 * `hookgate events export` and `hookgate events import`: every matching event as JSON Lines through
 * the paged events API (oldest first, progress on stderr), and back in batches to `POST /api/events`.
 * Import is idempotent: an event keeps its id, and the store keeps the first write of an id, so a
 * re-import adds nothing. `received` is set again by the receiving store.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { StoredEvent } from '../../schemas/event';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { filterFrom } from './events';

const PAGE_LIMIT = 200;
/** Events per import request, and bytes: well under the API's 16 MiB body limit. */
const IMPORT_BATCH = 100;
const IMPORT_BATCH_BYTES = 8 * 1024 * 1024;
/** From the earliest time the store keeps to a day ahead: "everything", unless `--since` narrows it. */
const ALL_TIME = { since: '1970-01-01T00:00:00Z' };

interface Page {
  events: StoredEvent[];
  total: number;
  next_page: string | null;
}

const progress = (text: string) => process.stderr.write(`\r${text}`);

export function registerTransferCommands(program: Command, context: () => CliContext): void {
  const events = program.commands.find((command) => command.name() === 'events');
  if (!events) throw new Error('register the events commands first');

  events
    .command('export')
    .description('write every matching event as JSON Lines to stdout, oldest first (progress on stderr)')
    .option('--event <prefix>', 'event names starting with this')
    .option('--resource <id>', 'events about this resource id')
    .option('--related <id>', 'events with this related resource')
    .option('--since <when>', 'occurred since a duration ago (7d) or an ISO time; default: all')
    .addHelpText('after', '\nExample:\n  hookgate events export --event github. > github.jsonl')
    .action(async (flags: Record<string, string | undefined>) => {
      const { client } = context();
      const filter = filterFrom(flags);
      filter.occurred ??= { ...ALL_TIME, until: new Date(Date.now() + 86_400_000).toISOString() };
      let page = await client.request<Page>('POST', '/api/events/filter', {
        filter: { ...filter, order: 'ASC' },
        limit: PAGE_LIMIT,
      });
      let written = 0;
      for (;;) {
        for (const event of page.events) process.stdout.write(`${JSON.stringify(event)}\n`);
        written += page.events.length;
        progress(`exported ${written} of ${page.total} events`);
        if (!page.next_page) break;
        const next = new URL(page.next_page);
        page = await client.request<Page>('GET', `${next.pathname}${next.search}`);
      }
      process.stderr.write('\n');
    });

  events
    .command('import <file>')
    .description('send the events of a JSON Lines file to the gateway in batches (idempotent)')
    .addHelpText('after', '\nExample:\n  hookgate events import github.jsonl')
    .action(async (file: string) => {
      const { client, out } = context();
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
      let batch: unknown[] = [];
      let bytes = 0;
      let sent = 0;
      let lineNumber = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await client.request('POST', '/api/events', batch);
        sent += batch.length;
        progress(`imported ${sent} events`);
        batch = [];
        bytes = 0;
      };
      try {
        for await (const line of lines) {
          lineNumber += 1;
          if (line.trim() === '') continue;
          try {
            batch.push(JSON.parse(line));
          } catch {
            throw new CliError(`${file}:${lineNumber} is not JSON`);
          }
          bytes += line.length;
          if (batch.length >= IMPORT_BATCH || bytes >= IMPORT_BATCH_BYTES) await flush();
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') throw new CliError(`cannot read ${file}`);
        throw error;
      }
      await flush();
      process.stderr.write('\n');
      out.write(out.json ? `${JSON.stringify({ sent })}\n` : `sent ${sent} events (ones already stored are kept as they were)\n`);
    });
}
