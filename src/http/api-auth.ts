/**
 * Who is calling `/api/*` and may they (issue 17): the bearer token is the env admin token (the
 * bootstrap admin key) or an API key, read from the store on every request so a revoke holds at
 * once everywhere. A wrong token is 401; a right one without the scope is 403 `insufficient-scope`
 * naming the scope needed. The scope each route needs is decided here, by method and path, with a
 * safe default (reads need `read`, any other method `manage`), so a new route is never open.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { type Actor, ADMIN_TOKEN_ACTOR } from '../core/audit';
import { lookupKey, scopeAllows } from '../core/keys';
import type { RouteDeps } from '../deps';
import { HookgateError, UnauthorizedError } from '../lib/errors';
import { secretEquals } from '../lib/secrets';
import type { Scope } from '../schemas/api-key';
import { deferTask } from './defer';
import { problemResponse } from './problem';

const ACTOR = 'hookgate.actor';

/** Event reads that are POSTs because their filter is a body (Prefect's API). */
const READ_POSTS = /^\/api\/events\/(filter|tail|count-by\/[^/]+)$/;

/** The scope a request to `/api/*` (or `/metrics`) needs. */
export function requiredScope(method: string, path: string): Scope {
  if (path === '/api/keys' || path.startsWith('/api/keys/') || path.startsWith('/api/admin/')) return 'admin';
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (method === 'POST' && path === '/api/events') return 'emit';
  if (method === 'POST' && READ_POSTS.test(path)) return 'read';
  return 'manage';
}

export function insufficientScope(needed: Scope, granted: Scope): HookgateError {
  return new HookgateError(
    403,
    'insufficient-scope',
    'Forbidden',
    `this needs a key with the "${needed}" scope (or one that includes it); this key has "${granted}"`,
    { requiredScope: needed },
  );
}

function unauthorized(): Response {
  const response = problemResponse(new UnauthorizedError('send the admin token or an API key as "Authorization: Bearer <key>"'));
  response.headers.set('www-authenticate', 'Bearer');
  return response;
}

/** The actor a bearer token stands for: the admin token, a live API key, or none. */
export async function authenticate(token: string, deps: RouteDeps, c: Context): Promise<Actor | undefined> {
  const found = await lookupKey(token, deps);
  if (found) {
    if (found.touch) deferTask(c, found.touch, deps, 'recording an API key use');
    return found.actor;
  }
  return (await secretEquals(token, deps.adminToken)) ? ADMIN_TOKEN_ACTOR : undefined;
}

/** Middleware: 401 without a valid token, 403 without the scope; the actor on the context after. */
export function requireApiScope(
  deps: RouteDeps,
  scopeOf: (c: Context) => Scope = (c) => requiredScope(c.req.method, c.req.path),
): MiddlewareHandler {
  return async (c, next) => {
    // Wrong tokens are limited per client address (429 + Retry-After after a burst).
    const address = deps.addressOf(c);
    deps.authFailures.check(address);
    const match = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
    const actor = match?.[1] ? await authenticate(match[1].trim(), deps, c) : undefined;
    if (!actor) {
      deps.authFailures.fail(address);
      return unauthorized();
    }
    const needed = scopeOf(c);
    if (!scopeAllows(actor.scope, needed)) return problemResponse(insufficientScope(needed, actor.scope));
    c.set(ACTOR as never, actor as never);
    await next();
  };
}

/** The actor `requireApiScope` found for this request. */
export function actorOf(c: Context): Actor {
  const actor = c.get(ACTOR as never) as Actor | undefined;
  if (!actor) throw new Error('actorOf() outside requireApiScope');
  return actor;
}
