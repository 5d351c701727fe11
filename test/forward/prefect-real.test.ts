/**
 * The shared `prefect` sink suite against a real Prefect server, when PREFECT_SINK_URL names one
 * (e.g. `http://127.0.0.1:4200/api`, with PREFECT_SINK_API_KEY or PREFECT_SINK_AUTH_STRING if it
 * needs them). Prefect stores asynchronously, so reads poll `POST /events/filter`.
 */
import { describe, expect, it } from 'vitest';
import type { SinkTarget } from '../../src/schemas/sink';
import { describePrefectSuite } from './prefect-suite';

const url = process.env.PREFECT_SINK_URL;

function target(apiUrl: string): SinkTarget {
  const apiKey = process.env.PREFECT_SINK_API_KEY;
  const authString = process.env.PREFECT_SINK_AUTH_STRING;
  return { kind: 'prefect', url: apiUrl, ...(apiKey && { apiKey }), ...(authString && { authString }) };
}

async function readBack(apiUrl: string, ids: string[]): Promise<Record<string, unknown>[]> {
  const t = target(apiUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (t.kind === 'prefect' && t.apiKey) headers.authorization = `Bearer ${t.apiKey}`;
  if (t.kind === 'prefect' && t.authString) headers.authorization = `Basic ${Buffer.from(t.authString).toString('base64')}`;
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const answer = await fetch(`${apiUrl.replace(/\/+$/, '')}/events/filter`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ filter: { id: { id: ids }, occurred: { since } }, limit: 50 }),
  });
  return ((await answer.json()) as { events: Record<string, unknown>[] }).events;
}

/** Polls for up to 30 s: a real Prefect persists in batches every few seconds. */
async function pollStored(apiUrl: string, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let attempt = 0; attempt < 60 && found.size < ids.length; attempt++) {
    for (let i = 0; i < ids.length; i += 50) {
      for (const event of await readBack(apiUrl, ids.slice(i, i + 50))) found.add(String(event.id));
    }
    if (found.size < ids.length) await new Promise((r) => setTimeout(r, 500));
  }
  return found;
}

if (url) {
  describePrefectSuite(`real Prefect at ${url}`, async () => ({
    target: target(url),
    stored: (ids) => pollStored(url, ids),
    read: async (id) => (await readBack(url, [id]))[0],
  }));
} else {
  describe('prefect sink: real Prefect', () => {
    it('runs when PREFECT_SINK_URL names a Prefect API (not set here)', () => {
      expect(url).toBeUndefined();
    });
  });
}
