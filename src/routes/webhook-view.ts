/**
 * A webhook as the API shows it: with the URL to give the sender, and secrets replaced by hints
 * (the last 4 characters). Secrets are write-only; this is the only way webhooks leave the server.
 */
import type { Verify } from '../schemas/verify';
import type { Webhook } from '../schemas/webhook';

export type VerifyView = Omit<Verify, 'secrets'> & { secretHints?: string[] };
export type WebhookView = Omit<Webhook, 'verify'> & { url: string; verify: VerifyView };

/** `…abcd`; secrets shorter than 12 characters show only their length. */
export function secretHint(secret: string): string {
  return secret.length >= 12 ? `…${secret.slice(-4)}` : `(${secret.length} characters)`;
}

export function verifyView(verify: Verify): VerifyView {
  if (!('secrets' in verify)) return verify;
  const { secrets, ...rest } = verify;
  return { ...rest, secretHints: secrets.map(secretHint) };
}

export function webhookView(webhook: Webhook, base: string): WebhookView {
  const { id, name, description, enabled, slug, mapping, verify, idFrom, rateLimit, created, updated } = webhook;
  return {
    id,
    name,
    description,
    enabled,
    url: `${base.replace(/\/+$/, '')}/hooks/${slug}`,
    slug,
    mapping,
    verify: verifyView(verify),
    idFrom,
    rateLimit,
    created,
    updated,
  };
}
