/** `hookgate webhooks create|update|toggle|rotate|delete`: the commands that change a webhook. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { print } from '../output';
import { mappingOptions, type WebhookFlags, webhookBody } from '../webhook-flags';
import { resolveWebhookId, type WebhookSummary } from '../webhook-ref';

export function describeMapping(webhook: WebhookSummary): string {
  return webhook.preset ? `preset ${webhook.preset}` : webhook.mapping.kind;
}

export function summary(webhook: WebhookSummary): string {
  return [
    `id:       ${webhook.id}`,
    `name:     ${webhook.name}`,
    `enabled:  ${webhook.enabled ? 'yes' : 'no'}`,
    `mapping:  ${describeMapping(webhook)}`,
    `url:      ${webhook.url}`,
  ].join('\n');
}

export function addWebhookChangeCommands(webhooks: Command, context: () => CliContext): void {
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
}
