/** The events API refuses what the store cannot hold faithfully, with 422 — never a 500. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

const event = (overrides: Record<string, unknown>) => ({
  id: '0190e000-0000-7000-8000-000000000001',
  occurred: '2026-03-27T10:00:00Z',
  event: 'limits.tested',
  resource: { 'prefect.resource.id': 'limits' },
  ...overrides,
});

describe('POST /api/events limits', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  const deep = `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`;

  it.each([
    ['a payload nested 5,000 deep', `[${JSON.stringify(event({})).slice(0, -1)}, "payload": ${deep}}]`, 'payload'],
    [
      'a year that would need more precision than the store keeps',
      JSON.stringify([event({ occurred: '9999-12-31T23:59:59-23:59' })]),
      'occurred',
    ],
    ['a year before 1700', JSON.stringify([event({ occurred: '0050-06-01T00:00:00Z' })]), 'occurred'],
  ])('refuses %s with 422 naming the field', async (_why, body, field) => {
    const response = await t.api('/api/events', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { code: string; issues: { path: string }[] };
    expect(problem.code).toBe('validation-failed');
    expect(problem.issues.map((i) => i.path)).toContain(`[0].${field}`);
  });
});
