/** `hookgate webhooks deliveries`: the log with hints, `--rejected`, and `--follow` for new requests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGithub } from '../../src/cli/signers';
import { TEST_TOKEN } from '../helpers/app';
import { follow, hookgate } from '../helpers/cli';
import { type CreatedWebhook, createWebhook, providerFixture, type ServedApp, serveTestApp } from '../helpers/hooks';

const SECRET = 'cli-deliveries-secret';

describe('hookgate webhooks deliveries', { timeout: 120_000 }, () => {
  let gateway: ServedApp;
  let webhook: CreatedWebhook;
  const cli = (args: string[]) => hookgate(['--url', gateway.base, '--token', TEST_TOKEN, ...args]);
  const push = (secret: string) => {
    const { body, headers } = providerFixture('github/push/default.json');
    return fetch(webhook.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', ...signGithub(secret, body) },
      body,
    });
  };

  beforeAll(async () => {
    gateway = await serveTestApp();
    webhook = await createWebhook(gateway.base, { name: 'gh', preset: 'github', verify: { secrets: [SECRET] } });
  });
  afterAll(async () => gateway.stop());

  it('lists refused requests with the reason and a hint, and follows new ones', async () => {
    expect((await push(SECRET)).status).toBe(204);
    expect((await push('wrong')).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the log is written just after the answer

    const all = await cli(['webhooks', 'deliveries', 'gh']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/RECEIVED\s+OUTCOME\s+STATUS/);
    expect(all.stdout).toMatch(/stored\s+204/);
    expect(all.stdout).toMatch(/rejected\s+401/);

    const rejected = await cli(['webhooks', 'deliveries', 'gh', '--rejected']);
    expect(rejected.stdout).not.toMatch(/stored\s+204/);
    expect(rejected.stdout).toContain('signature-mismatch');
    expect(rejected.stdout).toMatch(/signature did not match.*GitHub/);

    const json = await cli(['--json', 'webhooks', 'deliveries', 'gh', '--rejected']);
    expect((JSON.parse(json.stdout) as { code: string }[])[0]?.code).toBe('signature-mismatch');

    const tail = follow([
      '--url',
      gateway.base,
      '--token',
      TEST_TOKEN,
      'webhooks',
      'deliveries',
      'gh',
      '--follow',
      '--limit',
      '1',
    ]);
    try {
      expect(await tail.waitFor(/RECEIVED/)).toBe(true);
      const before = tail.output().length;
      await push('still-wrong');
      const followed = () => tail.output().slice(before);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !/signature did not match/.test(followed())) await new Promise((r) => setTimeout(r, 100));
      expect(followed()).toMatch(/rejected\s+401\s+0\s+127\.0\.0\.1\s+signature-mismatch\n\s+The signature did not match/);
    } finally {
      tail.stop();
    }
  });
});
