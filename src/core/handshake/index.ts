/** Every handshake hookgate answers, tried in order; the first answer wins. */
import type { Webhook } from '../../schemas/webhook';
import type { RequestContext } from '../context';
import type { ReceivedRequest } from '../receive';
import type { VerifiedRequest } from '../verify';
import { dropboxChallenge, oktaVerification } from './challenges';
import { CLOUDEVENTS_HANDSHAKES } from './cloudevents';
import { asanaHookSecret, notionVerification } from './learned';
import { PROVIDER_HANDSHAKES } from './providers';
import { TIMESTAMPED_HANDSHAKES } from './timestamped';
import type { Handshake, LearnedSecret } from './types';

export const HANDSHAKES: readonly Handshake[] = [
  ...CLOUDEVENTS_HANDSHAKES,
  ...PROVIDER_HANDSHAKES,
  ...TIMESTAMPED_HANDSHAKES,
  dropboxChallenge,
  oktaVerification,
  asanaHookSecret,
  notionVerification,
];

export function preflight(webhook: Webhook, request: Request): Response | undefined {
  for (const handshake of HANDSHAKES) {
    const response = handshake.preflight?.(webhook, request);
    if (response) return response;
  }
  return undefined;
}

/** An unsigned handshake's answer, on the received bytes before verification. */
export function answerUnsigned(webhook: Webhook, request: ReceivedRequest): Response | undefined {
  for (const handshake of HANDSHAKES) {
    const response = handshake.unsigned?.(webhook, request);
    if (response) return response;
  }
  return undefined;
}

export async function answerHandshake(
  webhook: Webhook,
  request: VerifiedRequest,
  context: RequestContext,
): Promise<Response | undefined> {
  for (const handshake of HANDSHAKES) {
    const response = await handshake.answer?.(webhook, request, context);
    if (response) return response;
  }
  return undefined;
}

/** The secret a handshake hands over, if the request is one (before verification). */
export function learnSecret(webhook: Webhook, request: ReceivedRequest): LearnedSecret | undefined {
  for (const handshake of HANDSHAKES) {
    const learned = handshake.learn?.(webhook, request);
    if (learned) return learned;
  }
  return undefined;
}

export type { Handshake, LearnedSecret } from './types';
