/** `hookgate keys create | ls | revoke` against a real gateway; the key made works, then is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../helpers/app';
import { hookgate, type Run } from '../helpers/cli';
import { type ServedApp, serveTestApp } from '../helpers/hooks';

describe('hookgate keys', { timeout: 120_000 }, () => {
  let gateway: ServedApp;
  let api: (args: string[], token?: string) => Promise<Run>;
  beforeAll(async () => {
    gateway = await serveTestApp();
    api = (args, token = TEST_TOKEN) => hookgate(['--url', gateway.base, '--token', token, ...args]);
  });
  afterAll(() => gateway.stop());

  it('creates a read key (printed once), lists it, and revokes it', async () => {
    const created = await api(['keys', 'create', '--name', 'dashboards', '--scope', 'read', '--expires', '90d']);
    expect(created.code, created.stderr).toBe(0);
    const key = /^(hgk_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    expect(key).toMatch(/^hgk_/);
    const id = /id ([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? '';

    const listed = await api(['keys', 'ls']);
    expect(listed.stdout).toMatch(/NAME\s+SCOPE/);
    expect(listed.stdout).toContain('dashboards');
    expect(listed.stdout).not.toContain(key);

    expect((await api(['webhooks', 'ls'], key)).code).toBe(0);
    const refused = await api(['webhooks', 'create', 'x', '--cloudevents'], key);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('insufficient-scope');

    expect((await api(['keys', 'revoke', id, '--yes'])).code).toBe(0);
    const after = await api(['webhooks', 'ls'], key);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('401');
  });
});
