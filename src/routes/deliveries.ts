/**
 * `GET /api/webhooks/:id/deliveries` (issue 18): the webhook's delivery log, newest first, with
 * `?outcome=` (stored, failed, rejected, handshake), `?limit=`, `?page=` (older) and `?after=`
 * (newer, oldest first: what `hookgate webhooks deliveries --follow` polls).
 */
import { Hono } from 'hono';
import { listDeliveryViews } from '../core/deliveries/list';
import { loadWebhook } from '../core/webhooks';
import type { RouteDeps } from '../deps';
import { DeliveryQuery } from '../schemas/delivery';
import { parseWith } from '../schemas/issues';

export function createDeliveryRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/:id/deliveries', async (c) => {
    const webhook = await loadWebhook(c.req.param('id'), deps);
    const query = parseWith(DeliveryQuery, c.req.query());
    return c.json(await listDeliveryViews(webhook, query, deps.store));
  });
  return app;
}
