/**
 * API keys (issue 17): `POST /api/keys` (201, the key shown this once), `GET /api/keys`,
 * `DELETE /api/keys/:id` (revoked at once). Admin scope (http/api-auth.ts); rules in core/keys.ts.
 */
import { type Context, Hono } from 'hono';
import { createKey, listKeys, revokeKey } from '../core/keys';
import type { RouteDeps } from '../deps';
import { actorOf } from '../http/api-auth';
import { readJson } from '../http/body';

export function createKeyRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const as = (c: Context) => ({ store: deps.store, now: deps.now, actor: actorOf(c) });

  app.post('/', async (c) => {
    const created = await createKey(await readJson(c), as(c));
    c.header('location', `/api/keys/${created.id}`);
    c.header('cache-control', 'no-store');
    return c.json(created, 201);
  });

  app.get('/', async (c) => c.json(await listKeys(deps)));

  app.delete('/:id', async (c) => {
    await revokeKey(c.req.param('id'), as(c));
    return c.body(null, 204);
  });

  return app;
}
