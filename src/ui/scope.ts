/**
 * What a signed-in key may do in the UI (issue 17), enforced on the server whatever the page shows:
 * the keys pages need `admin`; any other change (every non-GET but signing out) needs `manage`. A
 * `read` key gets a read-only UI.
 */
import type { MiddlewareHandler } from 'hono';
import { scopeAllows } from '../core/keys';
import { insufficientScope } from '../http/api-auth';
import type { Scope } from '../schemas/api-key';
import type { UiEnv } from './env';

function neededScope(method: string, path: string): Scope {
  if (path === '/ui/keys' || path.startsWith('/ui/keys/')) return 'admin';
  if (method === 'GET' || method === 'HEAD' || path === '/ui/sign-out') return 'read';
  return 'manage';
}

export const requireUiScope: MiddlewareHandler<UiEnv> = async (c, next) => {
  const needed = neededScope(c.req.method, c.req.path);
  const granted = c.get('actor').scope;
  if (!scopeAllows(granted, needed)) throw insufficientScope(needed, granted);
  await next();
};
