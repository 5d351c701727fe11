/** The Node entry's HMAC (node:crypto) gives what Web Crypto gives, and verification works on it. */
import { describe, expect, it } from 'vitest';
import { nodeHmac } from '../../src/adapter/node/crypto';
import { signGithub, signStripe } from '../../src/cli/signers';
import { hmac } from '../../src/core/verify/crypto';
import { createTestApp } from '../helpers/app';
import { providerFixture } from '../helpers/hooks';

const data = new TextEncoder().encode('{"hello": "wörld"}');

describe('node:crypto HMAC for verification', () => {
  it.each(['sha1', 'sha256', 'sha512'] as const)('equals Web Crypto for %s, text and byte keys', async (algorithm) => {
    for (const key of ['secret', new Uint8Array([0, 1, 2, 250, 255])]) {
      expect(Buffer.from(nodeHmac(algorithm, key, data) as Uint8Array)).toEqual(Buffer.from(await hmac(algorithm, key, data)));
    }
  });

  it('verifies GitHub and Stripe signatures through the gateway when the app is given it', async () => {
    const t = createTestApp({ hmac: nodeHmac });
    try {
      const ping = providerFixture('github/ping/default.json').body;
      const invoice = providerFixture('stripe/invoice.paid.json').body;
      for (const [preset, body, headers] of [
        ['github', ping, signGithub('gh-secret-123456', ping)],
        ['stripe', invoice, signStripe(['gh-secret-123456'], invoice, Math.floor(Date.now() / 1000))],
      ] as const) {
        const created = await t.api('/api/webhooks', {
          method: 'POST',
          json: { name: preset, preset, verify: { secrets: ['gh-secret-123456'] } },
        });
        const { slug } = (await created.json()) as { slug: string };
        const send = (h: Record<string, string>) =>
          t.app.request(`/hooks/${slug}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-github-event': 'ping', ...h },
            body,
          });
        expect((await send(headers)).status, preset).toBe(204);
        const wrong = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/[0-9a-f]{8}$/, '00000000')]));
        expect((await send(wrong)).status, preset).toBe(401);
      }
    } finally {
      await t.close();
    }
  });
});
