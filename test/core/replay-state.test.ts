/**
 * Where a webhook's stored failures stand (`webhookFailureStates`), over a real SQLite store: a
 * failure is "replayed" once what its request maps to now is stored, "to replay" while it still
 * fails or maps to events not stored yet — again after a mapping change that makes more — and a
 * failure with no replayable request is neither. Nothing is stored by asking.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_ACTOR } from '../../src/core/audit';
import { handleHook } from '../../src/core/pipeline';
import {
  createWebhook,
  replayWebhook,
  updateWebhook,
  type WebhookRulesDeps,
  webhookFailureStates,
} from '../../src/core/webhooks';
import { createRouteDeps } from '../../src/deps';
import { ReplayRequest } from '../../src/schemas/replay';
import type { Webhook } from '../../src/schemas/webhook';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';

const NOW_MS = Date.parse('2026-03-27T12:00:00Z');
const STRICT = '{"event": "thing.made", "resource": {"prefect.resource.id": "thing.{{required body.id}}"}}';
const FIXED = '{"event": "thing.made", "resource": {"prefect.resource.id": "thing.{{default body.id "none"}}"}}';
/** The fixed mapping, fanned out into two events: the second one is not stored by the first replay. */
const TWO = `[${FIXED}, ${FIXED.replace('thing.made', 'thing.seen')}]`;

let t: TestApp;
let deps: WebhookRulesDeps;
beforeEach(() => {
  t = createTestApp({ now: () => NOW_MS });
  deps = { store: t.deps.store, pipeline: createRouteDeps(t.deps).pipeline, actor: ADMIN_TOKEN_ACTOR };
});
afterEach(() => t.close());

async function fail(webhook: Webhook, body: string): Promise<void> {
  const request = new Request(`http://127.0.0.1:8787/hooks/${webhook.slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await expect(handleHook(webhook, request, deps.pipeline)).rejects.toThrow();
}

const mapping = (template: string) => ({ mapping: { kind: 'template', template } });

describe('the state of stored failures', () => {
  it('is "to replay" until the events a failure maps to are stored, then "replayed" with those events', async () => {
    let webhook = await createWebhook({ name: 'things', ...mapping(STRICT) }, deps);
    await fail(webhook, '{"kind": "a"}');
    const stored = eventsOf(t.dbFile, webhook).length;
    let states = await webhookFailureStates(webhook, deps);
    expect(states).toMatchObject({ total: 1, replayed: [], skipped: [] });
    expect(states.pending).toHaveLength(1);

    webhook = await updateWebhook(webhook, mapping(FIXED), deps);
    states = await webhookFailureStates(webhook, deps);
    expect(states.pending).toHaveLength(1);
    expect(eventsOf(t.dbFile, webhook)).toHaveLength(stored);

    const report = await replayWebhook(webhook, ReplayRequest.parse({}), deps);
    states = await webhookFailureStates(webhook, deps);
    expect(states.pending).toEqual([]);
    expect(states.replayed).toEqual(report.replayed);

    webhook = await updateWebhook(webhook, mapping(TWO), deps);
    states = await webhookFailureStates(webhook, deps);
    expect(states.pending).toEqual(report.replayed.map((item) => item.failure));
    await replayWebhook(webhook, ReplayRequest.parse({}), deps);
    expect((await webhookFailureStates(webhook, deps)).replayed[0]?.events).toHaveLength(2);
  });

  it('leaves a failure without a replayable request out of "to replay"', async () => {
    const webhook = await createWebhook({ name: 'things', ...mapping(FIXED) }, deps);
    const failure = {
      id: crypto.randomUUID(),
      occurred: new Date(NOW_MS).toISOString(),
      event: 'hookgate.webhook.failed',
      resource: { 'prefect.resource.id': `hookgate.webhook.${webhook.id}` },
      related: [],
      follows: null,
      payload: { error: { code: 'x' } },
    };
    await t.deps.store.writeEvents([failure]);
    const states = await webhookFailureStates(webhook, deps);
    expect(states).toMatchObject({
      total: 1,
      pending: [],
      replayed: [],
      skipped: [{ failure: failure.id, reason: 'not-replayable' }],
    });
  });
});
