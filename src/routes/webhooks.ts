/**
 * Webhooks API (DESIGN §2, §7): create, list, get, update, delete, rotate the slug, a dry run
 * (`/test`) that gives what the live endpoint would, without storing anything, and `/replay`,
 * which re-runs stored failed requests through the current mapping.
 */
import { Hono } from 'hono';
import { type DryRunOutcome, dryRun } from '../core/dry-run';
import { checkMapping } from '../core/map';
import { applyPreset } from '../core/presets/apply';
import { findPreset, presetNames } from '../core/presets/catalog';
import { replayFailures } from '../core/replay';
import { sampleToRequest } from '../core/sample-request';
import { TemplateSyntaxError } from '../core/template/errors';
import type { RouteDeps } from '../deps';
import { parseWith, readBody, readJson } from '../http/body';
import { type WebhookView, webhookView } from '../http/webhook-view';
import { HookgateError, InputError, NotFoundError } from '../lib/errors';
import { isUuid } from '../lib/ids';
import { randomToken } from '../lib/secrets';
import { formatTimestamp, microsFromMillis } from '../lib/time';
import { EventFilter, resolveFilter } from '../schemas/filter';
import type { Mapping } from '../schemas/mapping';
import { ReplayRequest } from '../schemas/replay';
import { Verify, type VerifyPatch } from '../schemas/verify';
import {
  MAX_SAMPLE_FIELDS,
  oversizedSampleField,
  SampleRequest,
  type SuccessResponse,
  type Webhook,
  WebhookCreate,
  WebhookPatch,
} from '../schemas/webhook';

/**
 * Secrets are write-only, so a PATCH that keeps the scheme may leave them out to keep the
 * current ones (`{"verify": {"scheme": "bearer"}}` after a GET shows only hints); public keys too.
 */
function mergeVerify(next: VerifyPatch, current: Verify): Verify {
  const merged: Record<string, unknown> = { ...next };
  if (next.scheme === current.scheme) {
    for (const key of ['secrets', 'publicKeys'] as const) {
      if (merged[key] === undefined && key in current) merged[key] = (current as Record<string, unknown>)[key];
    }
  }
  return parseWith(Verify, merged, ['verify']);
}

/**
 * A failed dry run as the API's answer: the problem the sender would get (`liveStatus`), plus what
 * the template rendered. A verification failure answers 422, not its live 401, which would tell an
 * API client that its admin token was refused.
 */
function dryRunProblem({ stage, error, rendered }: Extract<DryRunOutcome, { kind: 'failed' }>): HookgateError {
  const status = stage === 'verify' ? 422 : error.status;
  return new HookgateError(status, error.code, error.title, error.detail, {
    ...error.extras,
    liveStatus: error.status,
    rendered: rendered ?? null,
  });
}

/** 16 random bytes: 128 bits, 22 URL-safe characters. */
export const SLUG_BYTES = 16;

export function createWebhookRoutes(deps: RouteDeps): Hono {
  const app = new Hono();

  const view = (webhook: Webhook, requestUrl: string): WebhookView =>
    webhookView(webhook, deps.publicUrl ?? new URL(requestUrl).origin);

  const templateError = (path: string, error: unknown): never => {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    throw new InputError(422, 'invalid-template', `${path}: ${error.detail}`, {
      line: error.line,
      column: error.column,
      issues: [{ path, message: error.detail }],
    });
  };

  /** Save-time checks: the mapping, and the success response's template, must compile. */
  const check = (mapping: Mapping | undefined, response: SuccessResponse | null | undefined) => {
    try {
      if (mapping) checkMapping(mapping, deps.pipeline);
    } catch (error) {
      templateError('mapping.template', error);
    }
    try {
      if (response?.body) deps.pipeline.compile(response.body);
    } catch (error) {
      templateError('response.body', error);
    }
  };

  const load = async (id: string): Promise<Webhook> => {
    const webhook = isUuid(id) ? await deps.store.getWebhook(id.toLowerCase()) : undefined;
    if (!webhook) throw new NotFoundError('webhook-not-found', `no webhook with id ${id.slice(0, 64)}`);
    return webhook;
  };

  const now = () => formatTimestamp(deps.now() * 1000);

  app.post('/', async (c) => {
    const input = parseWith(WebhookCreate, applyPreset(await readJson(c), findPreset, presetNames));
    check(input.mapping, input.response);
    const created = now();
    const webhook: Webhook = { ...input, id: crypto.randomUUID(), slug: randomToken(SLUG_BYTES), created, updated: created };
    await deps.store.createWebhook(webhook);
    const body = view(webhook, c.req.url);
    c.header('location', `/api/webhooks/${webhook.id}`);
    return c.json(body, 201);
  });

  app.get('/', async (c) => c.json((await deps.store.listWebhooks()).map((w) => view(w, c.req.url))));

  app.get('/:id', async (c) => c.json(view(await load(c.req.param('id')), c.req.url)));

  app.patch('/:id', async (c) => {
    const current = await load(c.req.param('id'));
    const patch = await readBody(c, WebhookPatch);
    check(patch.mapping, patch.response);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const verify = patch.verify && mergeVerify(patch.verify, current.verify);
    const webhook: Webhook = { ...current, ...defined, ...(verify && { verify }), updated: now() };
    await deps.store.updateWebhook(webhook);
    return c.json(view(webhook, c.req.url));
  });

  app.delete('/:id', async (c) => {
    const webhook = await load(c.req.param('id'));
    await deps.store.deleteWebhook(webhook.id);
    return c.body(null, 204);
  });

  app.post('/:id/rotate', async (c) => {
    const current = await load(c.req.param('id'));
    const webhook: Webhook = { ...current, slug: randomToken(SLUG_BYTES), updated: now() };
    await deps.store.updateWebhook(webhook);
    return c.json(view(webhook, c.req.url));
  });

  app.post('/:id/test', async (c) => {
    const webhook = await load(c.req.param('id'));
    const raw = await readJson(c);
    const oversized = oversizedSampleField(raw);
    if (oversized) {
      throw new InputError(422, 'validation-failed', `${oversized}: must hold at most ${MAX_SAMPLE_FIELDS} fields`, {
        issues: [{ path: oversized, message: `must hold at most ${MAX_SAMPLE_FIELDS} fields` }],
        issueCount: 1,
      });
    }
    const sample = parseWith(SampleRequest, raw);
    const outcome = await dryRun(webhook, sampleToRequest(sample), deps.pipeline, { verify: true });
    if (outcome.kind === 'events') return c.json({ events: outcome.events });
    if (outcome.kind === 'handshake') return c.json({ events: [], handshake: outcome.answer });
    throw dryRunProblem(outcome);
  });

  app.post('/:id/replay', async (c) => {
    const webhook = await load(c.req.param('id'));
    const { ids, since, until, limit } = await readBody(c, ReplayRequest, { optional: true });
    // The events API's default window (Prefect's 180 days) unless the request gives one.
    const { occurred } = resolveFilter(EventFilter.parse({ occurred: { since, until } }), microsFromMillis(deps.now()));
    return c.json(await replayFailures(webhook, { occurred, ids, limit }, { ...deps.pipeline, store: deps.store }));
  });

  return app;
}
