/** `hookgate webhooks …`: create, ls, get, update, toggle, rotate, delete, test (Prefect CLI parity). */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { ago, print, table } from '../output';
import { loadRequest } from '../request-file';
import { resolveWebhookId, type WebhookSummary } from '../webhook-ref';

interface MappingFlags {
  template?: string;
  static?: string;
  cloudevents?: boolean;
  preset?: string;
}

interface WebhookFlags extends MappingFlags {
  name?: string;
  description?: string;
  secret?: string[];
  idFrom?: string;
  verify?: string;
}

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
}

/** The mapping the flags ask for; at most one of them. */
function mappingFrom(flags: MappingFlags): Record<string, unknown> | undefined {
  const chosen = [flags.template, flags.static, flags.cloudevents, flags.preset].filter((v) => v !== undefined && v !== false);
  if (chosen.length > 1) throw new CliError('choose one of --template, --static, --cloudevents and --preset');
  if (flags.template) return { kind: 'template', template: readFile(flags.template) };
  if (flags.static) {
    try {
      return { kind: 'static', event: JSON.parse(readFile(flags.static)) };
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${flags.static} is not JSON: ${(error as Error).message}`);
    }
  }
  if (flags.cloudevents) return { kind: 'cloudevents' };
  return undefined;
}

/** The API body for the flags (create or update). */
export function webhookBody(flags: WebhookFlags): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (flags.name !== undefined) body.name = flags.name;
  if (flags.description !== undefined) body.description = flags.description;
  const mapping = mappingFrom(flags);
  if (mapping) body.mapping = mapping;
  if (flags.preset) body.preset = flags.preset;
  if (flags.idFrom !== undefined) body.idFrom = flags.idFrom === '' ? null : flags.idFrom;
  const secrets = flags.secret?.length ? flags.secret : undefined;
  if (flags.verify) body.verify = { scheme: flags.verify, ...(secrets && { secrets }) };
  else if (secrets && flags.preset) body.verify = { secrets };
  else if (secrets) throw new CliError('--secret needs --verify SCHEME (or --preset NAME)');
  return body;
}

function describeMapping(webhook: WebhookSummary): string {
  return webhook.preset ? `preset ${webhook.preset}` : webhook.mapping.kind;
}

function summary(webhook: WebhookSummary): string {
  return [
    `id:       ${webhook.id}`,
    `name:     ${webhook.name}`,
    `enabled:  ${webhook.enabled ? 'yes' : 'no'}`,
    `mapping:  ${describeMapping(webhook)}`,
    `url:      ${webhook.url}`,
  ].join('\n');
}

export function registerWebhookCommands(program: Command, context: () => CliContext): void {
  const webhooks = program
    .command('webhooks')
    .description('manage webhooks (the URLs senders deliver to)')
    .addHelpText('after', '\nExample:\n  hookgate webhooks create models --template models.hbs\n  hookgate webhooks ls');

  const mappingOptions = (command: Command) =>
    command
      .option('--template <file>', 'a Handlebars template that renders the event(s)')
      .option('--static <file>', 'a JSON file with the one event every request becomes')
      .option('--cloudevents', 'map CloudEvents (binary, structured or batch)')
      .option('--description <text>', 'what the webhook is for')
      .option(
        '--secret <secret>',
        'a verification secret (repeat to hold several, for rotation)',
        (v, all: string[]) => [...all, v],
        [],
      )
      .option('--verify <scheme>', 'how the sender is verified, e.g. bearer, github, stripe')
      .option('--id-from <selector>', 'delivery id for idempotency: header:<name>, query:<name> or body:<path>');

  mappingOptions(webhooks.command('create <name>'))
    .description('create a webhook and print the URL to give the sender')
    .option('--preset <name>', 'a ready provider preset (github, stripe, slack, …; `hookgate presets` lists them)')
    .addHelpText('after', '\nExample:\n  hookgate webhooks create github --preset github --secret "$GITHUB_WEBHOOK_SECRET"')
    .action(async (name: string, flags: WebhookFlags) => {
      const { client, out } = context();
      const body = webhookBody({ ...flags, name });
      if (!body.mapping && !body.preset)
        throw new CliError('say how requests map to events: --template, --static, --cloudevents or --preset');
      // Loaded on use: the catalog is heavy, and other commands start faster without it.
      if (flags.preset) (await import('../preset-list')).requireKnownPreset(flags.preset);
      const created = await client.request<WebhookSummary>('POST', '/api/webhooks', body);
      print(
        out,
        created,
        () => `Created webhook ${created.id} (${describeMapping(created)}).\nGive this URL to the sender:\n\n  ${created.url}\n`,
      );
    });

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

  mappingOptions(webhooks.command('update <id>'))
    .description('change a webhook; fields not given are kept')
    .option('--name <name>', 'a new name')
    .addHelpText('after', '\nExample:\n  hookgate webhooks update models --template models.hbs')
    .action(async (ref: string, flags: WebhookFlags) => {
      const { client, out } = context();
      const body = webhookBody(flags);
      if (Object.keys(body).length === 0) throw new CliError('nothing to change: give --name, --template, --description, …');
      const id = await resolveWebhookId(client, ref);
      const updated = await client.request<WebhookSummary>('PATCH', `/api/webhooks/${id}`, body);
      print(out, updated, () => `Updated.\n${summary(updated)}`);
    });

  webhooks
    .command('toggle <id>')
    .description('enable a disabled webhook, or disable an enabled one (a disabled URL answers 404)')
    .addHelpText('after', '\nExample:\n  hookgate webhooks toggle models')
    .action(async (ref: string) => {
      const { client, out } = context();
      const id = await resolveWebhookId(client, ref);
      const current = await client.request<WebhookSummary>('GET', `/api/webhooks/${id}`);
      const updated = await client.request<WebhookSummary>('PATCH', `/api/webhooks/${id}`, { enabled: !current.enabled });
      print(out, updated, () => `Webhook ${updated.name} is now ${updated.enabled ? 'enabled' : 'disabled'}.`);
    });

  webhooks
    .command('rotate <id>')
    .description('give a webhook a new URL; the old one answers 404 at once')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExample:\n  hookgate webhooks rotate models --yes')
    .action(async (ref: string, flags: { yes?: boolean }) => {
      const { client, out, confirm } = context();
      const id = await resolveWebhookId(client, ref);
      await confirm(`Rotate the URL of webhook ${id}? Senders must be given the new one.`, flags.yes);
      const rotated = await client.request<WebhookSummary>('POST', `/api/webhooks/${id}/rotate`);
      print(out, rotated, () => `Rotated. Give this URL to the sender:\n\n  ${rotated.url}\n`);
    });

  webhooks
    .command('delete <id>')
    .description('delete a webhook (its events stay)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExample:\n  hookgate webhooks delete models --yes')
    .action(async (ref: string, flags: { yes?: boolean }) => {
      const { client, out, confirm } = context();
      const id = await resolveWebhookId(client, ref);
      await confirm(`Delete webhook ${id}?`, flags.yes);
      await client.request('DELETE', `/api/webhooks/${id}`);
      print(out, { deleted: id }, () => `Deleted webhook ${id}.`);
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
}
