/** Making API keys through the API in tests, and calling the API with one. */
import type { TestApp } from './app';

export interface MadeKey {
  id: string;
  key: string;
  name: string;
  scope: string;
  expires: string | null;
}

export async function makeKey(t: TestApp, scope: string, extra: Record<string, unknown> = {}): Promise<MadeKey> {
  const response = await t.api('/api/keys', { method: 'POST', json: { name: `${scope} key`, scope, ...extra } });
  if (response.status !== 201) throw new Error(`making a ${scope} key: ${response.status} ${await response.text()}`);
  return (await response.json()) as MadeKey;
}

/** `app.request` with `key` as the bearer token. */
export function withKey(t: TestApp, key: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return Promise.resolve(t.app.request(path, { ...init, headers, body }));
}
