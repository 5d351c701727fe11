/**
 * A secret learned in a handshake, kept in D1: an Asana webhook created from its preset refuses
 * deliveries until Asana's `X-Hook-Secret` handshake, answers it, then verifies with that secret.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

const ORIGIN = 'https://hookgate.test';
const SECRET = 'asana-handshake-secret-0001';

function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
}

async function hmacHex(key: string, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(body)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('a secret learned in a handshake, on workerd with D1', () => {
  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('asana: refused before the handshake, answered, then verified with the learned secret', async () => {
    const created = await call('/api/webhooks', {
      method: 'POST',
      headers: { authorization: `Bearer ${env.HOOKGATE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'asana', preset: 'asana' }),
    });
    expect(created.status).toBe(201);
    const { slug } = (await created.json()) as { slug: string };
    const body = JSON.stringify({
      events: [
        {
          user: { gid: '1' },
          created_at: '2026-03-27T12:00:00Z',
          action: 'added',
          resource: { gid: '2', resource_type: 'task' },
        },
      ],
    });
    const deliver = async (key: string) =>
      call(`/hooks/${slug}`, { method: 'POST', headers: { 'x-hook-signature': await hmacHex(key, body) }, body });

    expect((await deliver(SECRET)).status).toBe(401);
    const handshake = await call(`/hooks/${slug}`, { method: 'POST', headers: { 'x-hook-secret': SECRET } });
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('x-hook-secret')).toBe(SECRET);
    expect((await deliver(SECRET)).status).toBe(204);
    expect((await deliver('another-secret')).status).toBe(401);
    expect((await call(`/hooks/${slug}`, { method: 'POST', headers: { 'x-hook-secret': 'x-second-secret' } })).status).toBe(409);
  });
});
