/**
 * A static mapping over real HTTP (a cron job’s body-less curl) stores the same event with the
 * request as payload; a template mapping that cannot parse is refused when saved, naming where.
 */
import { describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../helpers/app';
import { NOW, useServedFixtures } from '../helpers/fixture-delivery';
import { createWebhook, webhookResource } from '../helpers/hooks';

const fixtures = useServedFixtures();
const { expectDelivered, storedFor } = fixtures;

describe('static mapping (a cron job’s curl)', () => {
  it('stores the same event for a body-less GET and DELETE, with the request as payload', async () => {
    const cron = await createWebhook(fixtures.served.base, {
      name: 'nightly backup',
      mapping: {
        kind: 'static',
        event: {
          event: 'cron.heartbeat',
          resource: { 'prefect.resource.id': 'cron.job.nightly-backup', 'prefect.resource.name': 'nightly backup' },
        },
      },
    });
    for (const method of ['GET', 'DELETE']) {
      const headers = { 'user-agent': 'curl/8.5.0', authorization: 'Bearer not-for-templates', cookie: 'session=secret' };
      await expectDelivered(await fetch(`${cron.url}?run=42`, { method, headers }));
    }

    const events = await storedFor(cron);
    expect(events.map((event) => event.payload.method)).toEqual(['GET', 'DELETE']);
    for (const event of events) {
      expect(event).toMatchObject({
        event: 'cron.heartbeat',
        occurred: NOW,
        resource: { 'prefect.resource.id': 'cron.job.nightly-backup', 'prefect.resource.name': 'nightly backup' },
        related: [webhookResource(cron)],
        payload: { body: '', headers: { 'user-agent': 'curl/8.5.0' } },
      });
      expect(Object.keys(event.payload).sort()).toEqual(['body', 'headers', 'method']);
      expect(event.payload.headers).not.toHaveProperty('authorization');
      expect(event.payload.headers).not.toHaveProperty('cookie');
    }
    expect(events[0]?.id).not.toBe(events[1]?.id);
  });
});

describe('saving a template mapping', () => {
  it('refuses a template that cannot parse, naming line, column and what was expected', async () => {
    const response = await fetch(`${fixtures.served.base}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'broken',
        mapping: { kind: 'template', template: '{\n  "event": "x",\n  "payload": {{json body}\n}' },
      }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; detail: string; line: number; column: number };
    expect(problem).toMatchObject({ code: 'invalid-template', line: 3, column: 14 });
    expect(problem.detail).toBe('mapping.template: line 3, column 14: "{{" is never closed: expected "}}"');
  });
});
