/** The forwarding policy: classification of answers, Retry-After, backoff bounds, Prefect's pre-send rules. */
import { describe, expect, it } from 'vitest';
import {
  classify,
  MAX_BACKOFF_MS,
  misconfiguredBackoffMs,
  parseRetryAfter,
  rejectedIndices,
  transientBackoffMs,
} from '../../src/core/forward/policy';
import { prefectEventsUrl, prefectViolation } from '../../src/core/forward/prefect';
import type { StoredEvent } from '../../src/schemas/event';

const NOW = Date.parse('2026-12-07T00:00:00Z');
const h = (init: Record<string, string> = {}) => new Headers(init);

describe('classify', () => {
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [500, 'transient'],
    [503, 'transient'],
    [429, 'transient'],
    [408, 'transient'],
    [401, 'misconfigured'],
    [403, 'misconfigured'],
    [404, 'misconfigured'],
    [307, 'misconfigured'],
    [413, 'too-large'],
    [400, 'rejected'],
    [422, 'rejected'],
  ])('HTTP %i is %s', (status, kind) => {
    expect(classify(status, h(), '', NOW).kind).toBe(kind);
  });

  it('reads the indices of a Prefect 422', () => {
    const body = JSON.stringify({
      exception_detail: [{ loc: ['body', 3, 'id'] }, { loc: ['body', 1] }, { loc: ['body', 3, 'x'] }],
    });
    expect(classify(422, h(), body, NOW)).toEqual({ kind: 'rejected', indices: [1, 3] });
    expect(rejectedIndices('{"detail":[{"loc":["body",0,"event"]}]}')).toEqual([0]);
    expect(rejectedIndices('not json')).toBeUndefined();
    expect(rejectedIndices('{"exception_detail":[{"loc":["query","x"]}]}')).toBeUndefined();
  });

  it('takes Retry-After as seconds or an HTTP date', () => {
    expect(classify(429, h({ 'retry-after': '30' }), '', NOW)).toEqual({ kind: 'transient', retryAfterMs: 30_000 });
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });
});

describe('backoff', () => {
  it('doubles from 1 s with ±20 % jitter, capped at 5 min', () => {
    expect(transientBackoffMs(1, 0.5)).toBe(1000);
    expect(transientBackoffMs(3, 0.5)).toBe(4000);
    expect(transientBackoffMs(1, 0)).toBe(800);
    expect(transientBackoffMs(1, 0.999)).toBeLessThanOrEqual(1200);
    expect(transientBackoffMs(40, 0.5)).toBe(MAX_BACKOFF_MS);
  });

  it('waits at least Retry-After', () => {
    expect(transientBackoffMs(1, 0, 120_000)).toBe(120_000);
    expect(transientBackoffMs(1, 0.99, 120_000)).toBeGreaterThan(120_000);
  });

  it('retries a misconfigured sink slowly: 1 min doubling to 30 min', () => {
    expect(misconfiguredBackoffMs(1, 0.5)).toBe(60_000);
    expect(misconfiguredBackoffMs(20, 0.5)).toBe(30 * 60_000);
  });
});

describe("Prefect's rules before sending", () => {
  const event = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
    id: '0190a000-0000-7000-8000-000000000001',
    occurred: '2026-03-01T10:00:00Z',
    received: '2026-03-01T10:00:01Z',
    event: 'x.y',
    resource: { 'prefect.resource.id': 'r.1' },
    related: [],
    payload: {},
    follows: null,
    ...overrides,
  });

  it('accepts a valid event and names what breaks each rule', () => {
    expect(prefectViolation(event())).toBeUndefined();
    expect(prefectViolation(event({ id: 'evt_123' }))).toMatch(/UUID/);
    expect(prefectViolation(event({ event: 'e'.repeat(1025) }))).toMatch(/1024/);
    expect(prefectViolation(event({ resource: { 'prefect.resource.id': '' } }))).toMatch(/prefect.resource.id/);
    expect(prefectViolation(event({ resource: { 'prefect.resource.id': 'r', n: 1 as never } }))).toMatch(/not a string/);
    expect(prefectViolation(event({ related: [{ 'prefect.resource.id': 'r' }] }))).toMatch(/prefect.resource.role/);
    expect(prefectViolation(event({ payload: { big: 'x'.repeat(1_500_000) } }))).toMatch(/1500000/);
  });

  it('builds {api}/events without a trailing slash (Prefect answers /events/ with a 307)', () => {
    expect(prefectEventsUrl('http://127.0.0.1:4200/api/')).toBe('http://127.0.0.1:4200/api/events');
  });
});
