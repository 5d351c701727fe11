/**
 * A webhook as the API shows it: with the URL to give the sender, and secrets replaced by hints
 * (the last 4 characters). Secrets are write-only; this is the only way webhooks leave the server.
 * Ed25519 public keys (`publicKeys`) are not secrets and are shown as they are.
 */

import type { Verify } from '../schemas/verify';
import type { HandshakeName, SuccessResponse, Webhook } from '../schemas/webhook';

type WithoutSecrets<V> = V extends unknown ? Omit<V, 'secrets'> : never;
export type VerifyView = WithoutSecrets<Verify> & { secretHints?: string[] };
export type WebhookView = Omit<Webhook, 'verify' | 'preset' | 'handshakes' | 'response'> & {
  url: string;
  verify: VerifyView;
  preset: string | null;
  handshakes: HandshakeName[];
  response: SuccessResponse | null;
};

/** `…abcd`; secrets shorter than 12 characters show only their length. */
export function secretHint(secret: string): string {
  return secret.length >= 12 ? `…${secret.slice(-4)}` : `(${secret.length} characters)`;
}

export function verifyView(verify: Verify): VerifyView {
  if (!('secrets' in verify)) return verify;
  const { secrets, ...rest } = verify;
  return secrets ? { ...rest, secretHints: secrets.map(secretHint) } : rest;
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
    preset: webhook.preset ?? null,
    mapping,
    verify: verifyView(verify),
    idFrom,
    handshakes: webhook.handshakes ?? [],
    response: webhook.response ?? null,
    rateLimit,
    created,
    updated,
  };
}
