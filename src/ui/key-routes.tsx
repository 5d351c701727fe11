/** `/ui/keys`: list, make and revoke API keys through the key rules (core/keys.ts), as the API does. Admin only (scope.ts). */
import { Hono } from 'hono';
import { createKey, listKeys, revokeKey } from '../core/keys';
import type { RouteDeps } from '../deps';
import { HookgateError } from '../lib/errors';
import { clockOf, type UiContext, type UiEnv } from './env';
import { KeysPage, type KeysPageProps } from './pages/keys';
import { field } from './webhook-routes';

export function createKeyPages(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  const rules = (c: UiContext) => ({ store: deps.store, now: deps.now, actor: c.get('actor') });

  const render = async (c: UiContext, extra: Partial<KeysPageProps> = {}, status: 200 | 201 | 422 = 200) => {
    const page = <KeysPage keys={await listKeys(deps)} csrf={c.get('csrf')} clock={clockOf(c, deps.now())} {...extra} />;
    c.header('cache-control', 'no-store');
    return c.html(page, status);
  };

  app.get('/keys', (c) => render(c, { notice: c.req.query('done') === 'revoked' ? 'Key revoked.' : undefined }));

  app.post('/keys', async (c) => {
    const form = await c.req.parseBody();
    const expires = field(form, 'expires').trim();
    const input = { name: field(form, 'name'), scope: field(form, 'scope'), ...(expires && { expires }) };
    try {
      const created = await createKey(input, rules(c));
      return render(c, { created: { name: created.name, key: created.key } }, 201);
    } catch (error) {
      if (!(error instanceof HookgateError)) throw error;
      return render(c, { error: `Not made: ${error.detail}` }, 422);
    }
  });

  app.post('/keys/:id/revoke', async (c) => {
    await revokeKey(c.req.param('id'), rules(c));
    return c.redirect('/ui/keys?done=revoked', 303);
  });

  return app;
}
