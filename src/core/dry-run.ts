/**
 * The dry run: a sample request through the live endpoint's stages — receive → verify (optional)
 * → a handshake's answer, or parse → map → validate — storing nothing. One implementation for the
 * API's `POST /api/webhooks/:id/test` (verification on, as a sender's request would be checked) and
 * the mapping editor's preview (verification off: it previews a draft mapping, not a signature).
 */

import { HookgateError } from '../lib/errors';
import type { Event } from '../schemas/event';
import type { Verify } from '../schemas/verify';
import type { Webhook } from '../schemas/webhook';
import { buildContext } from './context';
import { answerHandshake, answerUnsigned, preflight } from './handshake';
import { type PipelineDeps, translate } from './pipeline';
import { type ReceivedRequest, receive } from './receive';
import { type VerifiedRequest, verify } from './verify';

/** The pipeline's deps without the store: a dry run never writes. */
export type DryRunDeps = Omit<PipelineDeps, 'store'>;

export interface DryRunOptions {
  /** Check the sample's signature with the webhook's `verify` settings, as the live endpoint does. */
  verify: boolean;
}

/** What a handshake answers the sender (Slack's challenge, CloudEvents' `OPTIONS`, …). */
export interface HandshakeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Where the sample stopped: each stage answers the live sender with its own status. */
export type DryRunStage = 'receive' | 'verify' | 'map';

export type DryRunOutcome =
  | { kind: 'events'; events: Event[] }
  | { kind: 'handshake'; answer: HandshakeAnswer }
  /** `rendered`: what the template rendered before a mapping failed, for the author. */
  | { kind: 'failed'; stage: DryRunStage; error: HookgateError; rendered?: string };

const NO_VERIFICATION: Verify = { scheme: 'none' };

async function handshake(response: Response): Promise<DryRunOutcome> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { kind: 'handshake', answer: { status: response.status, headers, body: await response.text() } };
}

function failed(stage: DryRunStage, error: unknown): DryRunOutcome {
  if (!(error instanceof HookgateError)) throw error;
  return { kind: 'failed', stage, error };
}

/** What the live endpoint would make of `request` for `webhook`; nothing is stored or counted. */
export async function dryRun(
  webhook: Webhook,
  request: Request,
  deps: DryRunDeps,
  options: DryRunOptions,
): Promise<DryRunOutcome> {
  const early = preflight(webhook, request);
  if (early) return handshake(early);
  let received: ReceivedRequest;
  try {
    received = await receive(request, deps.maxBodyBytes, deps.now());
  } catch (error) {
    return failed('receive', error);
  }
  const unsigned = answerUnsigned(webhook, received);
  if (unsigned) return handshake(unsigned);
  let verified: VerifiedRequest;
  try {
    const settings = options.verify ? webhook.verify : NO_VERIFICATION;
    verified = await verify(settings, received, { publicUrl: deps.publicUrl, hmac: deps.hmac });
  } catch (error) {
    return failed('verify', error);
  }
  const parts = buildContext(verified, webhook);
  const answer = await answerHandshake(webhook, verified, parts.context);
  if (answer) return handshake(answer);
  const translation = translate(webhook, verified, deps, parts);
  if (translation.ok) return { kind: 'events', events: translation.events };
  return { kind: 'failed', stage: 'map', error: translation.error, rendered: translation.error.rendered };
}
