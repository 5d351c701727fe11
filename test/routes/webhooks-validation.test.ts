/**
 * What the webhooks API refuses to save: 422 problem+json naming the field (or the template’s line
 * and column), 400 for a body that is not JSON, 404 for unknown or malformed ids.
 */
import { describe, expect, it } from 'vitest';
import { usePerTestApp } from '../helpers/per-test-app';
import { createViaApi, TEMPLATE } from '../helpers/webhooks-api';

describe('webhooks API', () => {
  const webhooks = usePerTestApp();
  const create = (body?: unknown) => createViaApi(webhooks.t, body);

  it('never lets the client choose the id or slug', async () => {
    const { response, body } = await create({ name: 'x', slug: 'mine', mapping: { kind: 'template', template: TEMPLATE } });
    expect(response.status).toBe(422);
    expect(body.code).toBe('validation-failed');
  });

  it.each([
    ['a missing name', { mapping: { kind: 'template', template: TEMPLATE } }, 'name'],
    ['a name over 5000 characters', { name: 'n'.repeat(5001), mapping: { kind: 'template', template: TEMPLATE } }, 'name'],
    [
      'a description over 5000 characters',
      { name: 'n', description: 'd'.repeat(5001), mapping: { kind: 'static', event: {} } },
      'description',
    ],
    [
      'a template over 30,000 characters',
      { name: 'n', mapping: { kind: 'template', template: ' '.repeat(30_001) } },
      'mapping.template',
    ],
    ['an unknown mapping kind', { name: 'n', mapping: { kind: 'magic' } }, 'mapping.kind'],
    [
      'an unknown verify scheme',
      { name: 'n', mapping: { kind: 'template', template: TEMPLATE }, verify: { scheme: 'hope' } },
      'verify.scheme',
    ],
    [
      'a bearer scheme without secrets',
      { name: 'n', mapping: { kind: 'template', template: TEMPLATE }, verify: { scheme: 'bearer' } },
      'verify.secrets',
    ],
    ['a bad idFrom selector', { name: 'n', mapping: { kind: 'template', template: TEMPLATE }, idFrom: 'cookie:x' }, 'idFrom'],
    [
      'a static event without resource',
      { name: 'n', mapping: { kind: 'static', event: { event: 'x' } } },
      'mapping.event.resource',
    ],
    [
      'a static event with a number label',
      { name: 'n', mapping: { kind: 'static', event: { event: 'x', resource: { 'prefect.resource.id': 'r', n: 1 } } } },
      'mapping.event.resource.n',
    ],
  ])('refuses %s with 422 problem+json naming the field', async (_name, body, path) => {
    const { response, body: problem } = await create(body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(problem.code).toBe('validation-failed');
    expect((problem.issues as { path: string }[]).map((i) => i.path)).toContain(path);
  });

  it('refuses a template that cannot parse, naming line and column', async () => {
    const { response, body } = await create({
      name: 'n',
      mapping: { kind: 'template', template: '{\n  "event": "{{body.x"\n}' },
    });
    expect(response.status).toBe(422);
    expect(body).toMatchObject({ code: 'invalid-template', line: 2 });
    expect(body.detail).toMatch(/^mapping\.template: line 2, column \d+: /);
  });

  it('answers 400 for a body that is not JSON and 404 for unknown or malformed ids', async () => {
    const bad = await webhooks.t.api('/api/webhooks', {
      method: 'POST',
      body: '{nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('invalid-json');
    expect((await webhooks.t.api('/api/webhooks/0190b000-0000-4000-8000-000000000001')).status).toBe(404);
    expect((await webhooks.t.api('/api/webhooks/not-a-uuid')).status).toBe(404);
  });
});
