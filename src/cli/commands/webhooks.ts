/** `hookgate webhooks …`: the group, and ls, get, test, deliveries; the changing commands are in webhook-changes.ts (Prefect CLI parity). */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { ago, print, table } from '../output';
import { loadRequest } from '../request-file';
import { resolveWebhookId, type WebhookSummary } from '../webhook-ref';
import { addDeliveriesCommand } from './deliveries';
import { addWebhookChangeCommands, describeMapping, summary } from './webhook-changes';

export function registerWebhookCommands(program: Command, context: () => CliContext): void {
  const webhooks = program
    .command('webhooks')
    .description('manage webhooks (the URLs senders deliver to)')
    .addHelpText('after', '\nExample:\n  hookgate webhooks create models --template models.hbs\n  hookgate webhooks ls');
  addWebhookChangeCommands(webhooks, context);

  webhooks
    .command('ls')
    .description('list webhooks')
    .addHelpText('after', '\nExample:\n  hookgate webhooks ls --json')
    .action(async () => {
      const { client, out } = context();
      const all = await client.request<WebhookSummary[]>('GET', '/api/webhooks');
      print(out, all, () =>
        all.length === 0
          ? 'No webhooks yet: hookgate webhooks create <name> --template FILE'
          : table(
              ['ID', 'NAME', 'ENABLED', 'MAPPING', 'UPDATED', 'URL'],
              all.map((w) => [
                w.id.slice(0, 8),
                w.name,
                w.enabled ? 'yes' : 'no',
                describeMapping(w),
                ago(String(w.updated)),
                w.url,
              ]),
              80,
            ),
      );
    });

  webhooks
    .command('get <id>')
    .description('show one webhook (by id, id prefix or name)')
    .addHelpText('after', '\nExample:\n  hookgate webhooks get 0190b0')
    .action(async (ref: string) => {
      const { client, out } = context();
      const webhook = await client.request<WebhookSummary>('GET', `/api/webhooks/${await resolveWebhookId(client, ref)}`);
      print(out, webhook, () => summary(webhook));
    });

  webhooks
    .command('test <id>')
    .description('dry run: the events a sample request becomes on the server, or its error; stores nothing')
    .option('--request <file>', 'a JSON request {method, headers, query, body | bodyFile}')
    .option('--body <file>', 'the body to send (shortcut for --request)')
    .option('--header <name:value>', 'a header (repeat)', (v, all: string[]) => [...all, v], [])
    .addHelpText('after', '\nExample:\n  hookgate webhooks test github --body push.json --header x-github-event:push')
    .action(async (ref: string, flags: { request?: string; body?: string; header?: string[] }) => {
      const { client, out } = context();
      const id = await resolveWebhookId(client, ref);
      const result = await client.request<{ events: unknown[]; handshake?: { status: number; body: string } }>(
        'POST',
        `/api/webhooks/${id}/test`,
        loadRequest(flags),
      );
      print(out, result, () =>
        result.handshake
          ? `The gateway answers this handshake: ${result.handshake.status}\n${result.handshake.body}`
          : JSON.stringify(result.events, null, 2),
      );
    });

  addDeliveriesCommand(webhooks, context);
}
