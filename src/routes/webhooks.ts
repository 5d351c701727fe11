/**
 * Webhooks API (DESIGN §2, §7): create, list, get, update, delete, rotate the slug, a dry run
 * (`/test`) that gives what the live endpoint would, without storing anything, and `/replay`,
 * which re-runs stored failed requests through the current mapping. The rules are in
 * `core/webhooks.ts`; here requests are parsed and answers rendered.
 */
import { type Context, Hono } from 'hono';
import {
  createWebhook,
  deleteWebhook,
  loadWebhook,
  replayWebhook,
  rotateWebhook,
  testWebhook,
  updateWebhook,
} from '../core/webhooks';
import type { RouteDeps } from '../deps';
import { actorOf } from '../http/api-auth';
import { readBody, readJson } from '../http/body';
import { type WebhookView, webhookView } from '../http/webhook-view';
import { ReplayRequest } from '../schemas/replay';
import { parseSampleRequest, type Webhook } from '../schemas/webhook';

export function createWebhookRoutes(deps: RouteDeps): Hono {
  const app = new Hono();

  /** The rules' deps with this request's actor, for the audit event of a change. */
  const as = (c: Context) => ({ ...deps, actor: actorOf(c) });

  const view = (webhook: Webhook, requestUrl: string): WebhookView =>
    webhookView(webhook, deps.publicUrl ?? new URL(requestUrl).origin);

  app.post('/', async (c) => {
    const webhook = await createWebhook(await readJson(c), as(c));
    c.header('location', `/api/webhooks/${webhook.id}`);
    return c.json(view(webhook, c.req.url), 201);
  });

  app.get('/', async (c) => c.json((await deps.store.listWebhooks()).map((w) => view(w, c.req.url))));

  app.get('/:id', async (c) => c.json(view(await loadWebhook(c.req.param('id'), deps), c.req.url)));

  app.patch('/:id', async (c) => {
    const current = await loadWebhook(c.req.param('id'), deps);
    return c.json(view(await updateWebhook(current, await readJson(c), as(c)), c.req.url));
  });

  app.delete('/:id', async (c) => {
    await deleteWebhook(await loadWebhook(c.req.param('id'), deps), as(c));
    return c.body(null, 204);
  });

  app.post('/:id/rotate', async (c) =>
    c.json(view(await rotateWebhook(await loadWebhook(c.req.param('id'), deps), as(c)), c.req.url)),
  );

  app.post('/:id/test', async (c) => {
    const webhook = await loadWebhook(c.req.param('id'), deps);
    return c.json(await testWebhook(webhook, parseSampleRequest(await readJson(c)), as(c)));
  });

  app.post('/:id/replay', async (c) => {
    const webhook = await loadWebhook(c.req.param('id'), deps);
    return c.json(await replayWebhook(webhook, await readBody(c, ReplayRequest, { optional: true }), as(c)));
  });

  return app;
}
