/** The signed page tokens behind `next_page` links (src/core/page-token.ts). */
import { describe, expect, it } from 'vitest';
import { createPageTokens } from '../../src/core/page-token';

const payload = { filter: { occurred: { since: '2026-03-27T00:00:00Z' } }, total: 110, limit: 50, offset: 50 };

describe('page tokens', () => {
  const tokens = createPageTokens('admin-token-1');

  it('round-trips a payload as base64 text', async () => {
    const token = await tokens.sign(payload);
    expect(token).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await tokens.verify(token)).toEqual(payload);
  });

  it('rejects a token with any byte changed', async () => {
    const bytes = Uint8Array.from(atob(await tokens.sign(payload)), (char) => char.charCodeAt(0));
    for (const index of [0, 31, 32, bytes.length - 1]) {
      const changed = Uint8Array.from(bytes);
      changed[index] = (changed[index] ?? 0) ^ 1;
      expect(await tokens.verify(btoa(String.fromCharCode(...changed))), `byte ${index}`).toBeUndefined();
    }
  });

  it('rejects tokens signed with another secret, unsigned JSON and garbage', async () => {
    expect(await tokens.verify(await createPageTokens('admin-token-2').sign(payload))).toBeUndefined();
    for (const bad of [btoa(JSON.stringify(payload)), 'Zm9v', 'Wm05dg==', 'wok=', 'just-bad', '', '%%%']) {
      expect(await tokens.verify(bad), bad).toBeUndefined();
    }
  });

  it('reads a space as `+`, which a query string makes of an unencoded plus', async () => {
    let token = await tokens.sign(payload);
    for (let i = 0; !token.includes('+'); i++) token = await tokens.sign({ ...payload, offset: i });
    expect(await tokens.verify(token.replaceAll('+', ' '))).toBeDefined();
  });
});
