/**
 * Webhooks API (DESIGN §2, §7): create, list, get, update, delete, rotate the slug, and a dry run
 * (`/test`) that answers exactly as the live endpoint would, without storing anything.
 */
import { Hono } from 'hono';
import { HookgateError, InputError, NotFoundError } from '../core/errors';
import { isUuid } from '../core/ids';
import { checkMapping } from '../core/map';
import { receiveAndVerify, translate } from '../core/pipeline';
import { randomToken } from '../core/secrets';
import { TemplateSyntaxError } from '../core/template/errors';
import { formatTimestamp } from '../core/time';
import type { Mapping } from '../schemas/mapping';
import { Verify, type VerifyPatch } from '../schemas/verify';
import { SampleRequest, type Webhook, WebhookCreate, WebhookPatch } from '../schemas/webhook';
import { parseWith, readBody } from './body';
import type { RouteDeps } from './deps';
import { sampleToRequest } from './sample-request';
import { type WebhookView, webhookView } from './webhook-view';

/**
 * Secrets are write-only, so a PATCH that keeps the scheme may leave them out to keep the
 * current ones (`{"verify": {"scheme": "bearer"}}` after a GET shows only hints).
 */
function mergeVerify(next: VerifyPatch, current: Verify): Verify {
  const keep = !('secrets' in next && next.secrets) && next.scheme === current.scheme && 'secrets' in current;
  return parseWith(Verify, keep ? { ...next, secrets: current.secrets } : next, ['verify']);
}

/** 16 random bytes: 128 bits, 22 URL-safe characters. */
export const SLUG_BYTES = 16;

export function createWebhookRoutes(deps: RouteDeps): Hono {
  const app = new Hono();

  const view = (webhook: Webhook, requestUrl: string): WebhookView =>
    webhookView(webhook, deps.publicUrl ?? new URL(requestUrl).origin);

  const check = (mapping: Mapping) => {
    try {
      checkMapping(mapping, deps.pipeline);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      throw new InputError(422, 'invalid-template', `mapping.template: ${error.detail}`, {
        line: error.line,
        column: error.column,
        issues: [{ path: 'mapping.template', message: error.detail }],
      });
    }
  };

  const load = async (id: string): Promise<Webhook> => {
    const webhook = isUuid(id) ? await deps.store.getWebhook(id.toLowerCase()) : undefined;
    if (!webhook) throw new NotFoundError('webhook-not-found', `no webhook with id ${id.slice(0, 64)}`);
    return webhook;
  };

  const now = () => formatTimestamp(deps.now() * 1000);

  app.post('/', async (c) => {
    const input = await readBody(c, WebhookCreate);
    check(input.mapping);
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
    if (patch.mapping) check(patch.mapping);
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
    const sample = await readBody(c, SampleRequest);
    const verified = await receiveAndVerify(webhook, sampleToRequest(sample), deps.pipeline);
    const translation = translate(webhook, verified, deps.pipeline);
    if (!translation.ok) {
      // The same problem the sender would get, plus what the template rendered: this is the author's view.
      const { error } = translation;
      throw new HookgateError(error.status, error.code, error.title, error.detail, {
        ...error.extras,
        rendered: error.rendered ?? null,
      });
    }
    return c.json({ events: translation.events });
  });

  return app;
}
