/** Requests to the Worker under test, as a client on the internet would make them, and to its API with the admin token. */
import { env, exports } from 'cloudflare:workers';

export const ORIGIN = 'https://hookgate.test';

/** A request to the Worker's `fetch`, at `path` on ORIGIN. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}

/** A JSON request to the API with the admin token. */
export function api(path: string, method = 'GET', body?: unknown): Promise<Response> {
  return call(path, {
    method,
    headers: { authorization: `Bearer ${env.HOOKGATE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
