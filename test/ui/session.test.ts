/** UI sessions: signed, expiring, keyed from the admin token; CSRF tokens bound to the session. */
import { describe, expect, it } from 'vitest';
import { createSessions, SESSION_TTL_SECONDS } from '../../src/ui/session';

const TOKEN = 'admin-token-for-sessions-0123';

describe('UI sessions', () => {
  it('reads back the session it issued, until it expires', async () => {
    let now = Date.UTC(2026, 2, 1);
    const sessions = createSessions(TOKEN, () => now);
    const { session, value } = await sessions.issue();
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await sessions.read(value)).toEqual(session);
    now += (SESSION_TTL_SECONDS - 1) * 1000;
    expect(await sessions.read(value)).toEqual(session);
    now += 1000;
    expect(await sessions.read(value)).toBeUndefined();
  });

  it('refuses tampered, foreign and malformed cookies', async () => {
    const sessions = createSessions(TOKEN, Date.now);
    const { value } = await sessions.issue();
    const [body = '', tag = ''] = value.split('.');
    const longer = btoa(JSON.stringify({ exp: 9_999_999_999, nonce: 'n'.repeat(22) })).replace(/=+$/, '');
    for (const bad of [undefined, '', body, `${body}.`, `${longer}.${tag}`, `${body}.${tag}x`, `${value}.extra`, 'a.b']) {
      expect(await sessions.read(bad), String(bad)).toBeUndefined();
    }
    // Another admin token (a rotated one) signs everyone out.
    expect(await createSessions(`${TOKEN}-rotated`, Date.now).read(value)).toBeUndefined();
  });

  it('checks CSRF tokens per session, in constant time', async () => {
    const sessions = createSessions(TOKEN, Date.now);
    const a = (await sessions.issue()).session;
    const b = (await sessions.issue()).session;
    const token = await sessions.csrfToken(a);
    expect(await sessions.checkCsrf(a, token)).toBe(true);
    expect(await sessions.checkCsrf(b, token)).toBe(false);
    expect(await sessions.checkCsrf(a, undefined)).toBe(false);
    expect(await sessions.checkCsrf(a, '')).toBe(false);
    // A token made for one purpose never passes for another.
    expect(await sessions.checkCsrf(a, await sessions.signInToken(a.nonce))).toBe(false);
  });
});
