/** `hookgate webhooks deliveries <webhook>`: the delivery log, `--rejected` only, `--follow` for new requests. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { print, table } from '../output';
import { resolveWebhookId } from '../webhook-ref';

interface DeliveryLine {
  received: string;
  outcome: string;
  status: number;
  code: string | null;
  events: number;
  method: string;
  durationMs: number;
  source: string | null;
  hint: string | null;
}

interface DeliveryPage {
  deliveries: DeliveryLine[];
  next_page: string | null;
  cursor: string | null;
}

const COLUMNS = ['RECEIVED', 'OUTCOME', 'STATUS', 'EVENTS', 'FROM', 'WHY'];

function row(d: DeliveryLine): string[] {
  return [d.received.slice(0, 23), d.outcome, String(d.status), String(d.events), d.source ?? '', d.code ?? ''];
}

function lines(page: DeliveryLine[]): string {
  if (page.length === 0) return 'No requests recorded yet.';
  const hints = [...new Set(page.map((d) => d.hint).filter((h): h is string => h !== null))];
  return [table(COLUMNS, page.map(row), 40), ...hints.map((hint) => `\n${hint}`)].join('\n');
}

export function addDeliveriesCommand(webhooks: Command, context: () => CliContext): void {
  webhooks
    .command('deliveries <id>')
    .description('every request to the webhook URL and its outcome, newest first (why a sender’s requests do not arrive)')
    .option('--rejected', 'only refused requests (bad signature, disabled, rate limited, too large, …)')
    .option('--limit <n>', 'how many', '20')
    .option('--follow', 'then keep printing new requests as they arrive, until interrupted (Ctrl-C)')
    .addHelpText(
      'after',
      '\nExample:\n  hookgate webhooks deliveries github --rejected\n  hookgate webhooks deliveries github --follow',
    )
    .action(async (ref: string, flags: { rejected?: boolean; limit: string; follow?: boolean }) => {
      const { client, out } = context();
      const id = await resolveWebhookId(client, ref);
      const outcome = flags.rejected ? '&outcome=rejected' : '';
      const base = `/api/webhooks/${id}/deliveries?limit=${Math.min(200, Math.max(1, Number(flags.limit) || 20))}${outcome}`;
      const first = await client.request<DeliveryPage>('GET', base);
      print(out, first.deliveries, () => lines(first.deliveries));
      if (!flags.follow) return;
      let cursor = first.cursor ?? '0';
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const page = await client.request<DeliveryPage>('GET', `${base}&after=${cursor}`);
        cursor = page.cursor ?? cursor;
        for (const delivery of page.deliveries) {
          out.write(
            out.json
              ? `${JSON.stringify(delivery)}\n`
              : `${row(delivery).join('  ')}${delivery.hint ? `\n  ${delivery.hint}` : ''}\n`,
          );
        }
      }
    });
}
