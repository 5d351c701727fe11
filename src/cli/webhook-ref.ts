/** Webhooks named on the command line by id, id prefix or exact name. */
import type { Client } from './client';
import { CliError } from './errors';

export interface WebhookSummary {
  id: string;
  name: string;
  enabled: boolean;
  url: string;
  mapping: { kind: string };
  preset?: string | null;
  [key: string]: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveWebhookId(client: Client, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref.toLowerCase();
  const all = await client.request<WebhookSummary[]>('GET', '/api/webhooks');
  const matches = all.filter((w) => w.id.startsWith(ref.toLowerCase()) || w.name === ref);
  if (matches.length === 1 && matches[0]) return matches[0].id;
  if (matches.length === 0) throw new CliError(`webhook ${ref} not found`);
  throw new CliError(`"${ref}" matches ${matches.length} webhooks; give more of the id`);
}
