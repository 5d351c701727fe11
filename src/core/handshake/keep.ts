/**
 * Keeping a secret a handshake handed over (Asana, Notion) on the webhook: only while the webhook
 * has none, and only when its scheme holds secrets; the stored webhook is replaced through
 * `saveWebhook`. Whatever the outcome, the secret is never logged or echoed in an error.
 */
import { HookgateError, StoreUnavailableError } from '../../lib/errors';
import { Verify } from '../../schemas/verify';
import type { Webhook } from '../../schemas/webhook';
import type { LearnedSecret } from './types';

export type SaveWebhook = (webhook: Webhook) => Promise<boolean>;

function conflict(code: string, detail: string): HookgateError {
  return new HookgateError(409, code, 'Conflict', detail);
}

/** The webhook with the learned secret; throws 409 when it has one already or its scheme takes none. */
export function withLearnedSecret(webhook: Webhook, learned: LearnedSecret, nowIso: string): Webhook {
  const current = webhook.verify as { secrets?: readonly string[] };
  if (current.secrets && current.secrets.length > 0) {
    throw conflict(
      'secret-already-set',
      'this webhook has its secret already; switch its verify scheme away and back to take a new one',
    );
  }
  const verify = Verify.safeParse({ ...webhook.verify, secrets: [learned.secret] });
  if (!verify.success) throw conflict('handshake-not-applicable', `the ${webhook.verify.scheme} scheme takes no learned secret`);
  return { ...webhook, verify: verify.data, updated: nowIso };
}

export async function keepLearnedSecret(
  webhook: Webhook,
  learned: LearnedSecret,
  nowIso: string,
  save: SaveWebhook | undefined,
): Promise<Webhook> {
  const updated = withLearnedSecret(webhook, learned, nowIso);
  if (!save || !(await save(updated))) throw new StoreUnavailableError('the learned secret could not be kept');
  return updated;
}
