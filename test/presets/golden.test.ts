/**
 * Every payload of every preset's provider goes through the preset (its template, its delivery id,
 * its handshakes and success response) on the live endpoint, and must give exactly the events in
 * `golden/<preset>/<payload>.json`. Event names and resource ids are also pinned by hand in
 * `expected.ts`. `UPDATE_GOLDEN=1 npx vitest run test/presets/golden.test.ts` rewrites the golden
 * files — then review every change by hand. `"payload": "<the request body>"` means the event's
 * payload is the request body, whole.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/core/presets/catalog';
import { deliveryEventId } from '../../src/lib/ids';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf, type RawEvent, webhookResource } from '../helpers/hooks';
import { EXPECTED } from './expected';
import { type PresetPayload, presetPayloads } from './payloads';

const NOW = '2026-03-27T12:00:00Z';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = new URL('./golden/', import.meta.url);
const BODY = '<the request body>';

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ now: () => Date.parse(NOW) });
});
afterAll(async () => {
  await t.close();
  // Written golden files get the formatting `npm run lint` expects.
  if (UPDATE) execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(GOLDEN)], { stdio: 'ignore' });
});

/** The body as templates see it: JSON, or a form as an object. */
function parsedBody(payload: PresetPayload): unknown {
  if (payload.contentType.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(payload.body));
  }
  return JSON.parse(payload.body);
}

/** The request headers, with a delivery id when the preset takes it from a header the payload lacks. */
function requestHeaders(payload: PresetPayload, idFrom: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': payload.contentType, ...payload.headers };
  const name = idFrom?.startsWith('header:') ? idFrom.slice('header:'.length) : undefined;
  if (name && !Object.keys(headers).some((key) => key.toLowerCase() === name)) headers[name] = `delivery-${payload.name}`;
  return headers;
}

function deliveryIdOf(headers: Record<string, string>, idFrom: string | null, body: unknown): string | undefined {
  if (!idFrom) return undefined;
  const [source, path = ''] = [idFrom.slice(0, idFrom.indexOf(':')), idFrom.slice(idFrom.indexOf(':') + 1)];
  if (source === 'header') return Object.entries(headers).find(([key]) => key.toLowerCase() === path)?.[1];
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** How an event's id was made: from the delivery id, by the template (UUIDv5), or new (UUIDv7). */
function idKind(event: RawEvent, index: number, webhookId: string, deliveryId: string | undefined): string {
  if (deliveryId && event.id === deliveryEventId(webhookId, deliveryId, index)) return `delivery:${deliveryId}:${index}`;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(event.id)) return 'new';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-5/.test(event.id)) return 'template-uuid5';
  return `unexpected: ${event.id}`;
}

const payloads = presetPayloads();

describe.each([...new Set(payloads.map((p) => p.preset))])('preset %s', (presetName) => {
  const preset = findPreset(presetName);

  it.each(payloads.filter((p) => p.preset === presetName).map((p) => [p.name, p] as const))('%s', async (_name, payload) => {
    expect(preset, `no preset named ${presetName}`).toBeDefined();
    if (!preset) return;
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: `${presetName} golden`, preset: presetName, verify: { scheme: 'none' } },
    });
    expect(created.status).toBe(201);
    const hook = (await created.json()) as { id: string; name: string; slug: string };
    const headers = requestHeaders(payload, preset.idFrom);
    const response = await t.app.request(`/hooks/${hook.slug}`, { method: 'POST', headers, body: payload.body });
    const responseText = await response.text();
    expect(response.status, responseText).toBeLessThan(300);

    const body = parsedBody(payload);
    const deliveryId = deliveryIdOf(headers, preset.idFrom, body);
    const events = eventsOf(t.dbFile, hook).map((event, index) => {
      const { id, received, related, payload: eventPayload, ...rest } = event;
      expect(received).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(related.at(-1)).toEqual(webhookResource(hook));
      return {
        id: idKind(event, index, hook.id, deliveryId),
        ...rest,
        related: related.slice(0, -1),
        payload: JSON.stringify(eventPayload) === JSON.stringify(body) ? BODY : eventPayload,
      };
    });
    const actual = {
      source: payload.source,
      response: { status: response.status, contentType: response.headers.get('content-type'), body: responseText },
      events,
    };

    const file = new URL(`${presetName}/${payload.name}.json`, GOLDEN);
    if (UPDATE) {
      mkdirSync(new URL(`${presetName}/`, GOLDEN), { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(existsSync(file), `missing golden file ${file.pathname}; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(events.map((event) => [event.event, event.resource['prefect.resource.id']])).toEqual(
      EXPECTED[`${presetName}/${payload.name}`],
    );
  });
});
