/**
 * The benchmark's scenarios: each creates a webhook through the API and says what one request
 * looks like. Every request is made unique (delivery id, CloudEvent id) so every one stores new events.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signGithub } from '../src/cli/signers';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
const GITHUB_SECRET = 'bench-github-secret-0123456789';

export interface ScenarioRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  perRequest?: (headers: Record<string, string>) => void;
}

export interface Scenario {
  name: string;
  description: string;
  eventsPerRequest: number;
  webhook: Record<string, unknown>;
  request: ScenarioRequest;
}

/** A JSON body of about 2 KB, as in the measurements. */
export function twoKilobyteBody(items = 10): string {
  const body = {
    model: 'recommendations',
    version: 42,
    items: Array.from({ length: items }, (_, i) => ({ id: i, name: `item ${i}`, score: i / 10 })),
    notes: '',
  };
  body.notes = 'x'.repeat(Math.max(0, 2048 - JSON.stringify(body).length));
  return JSON.stringify(body);
}

const FANOUT_TEMPLATE = `[
{{#each body.items}}
  {"event": "bench.item.scored", "resource": {"prefect.resource.id": "bench.item.{{id}}", "prefect.resource.name": "{{name}}"},
   "payload": {"score": {{json score}}, "model": "{{@root.body.model}}"}}{{#unless @last}},{{/unless}}
{{/each}}
]`;

export function scenarios(): Scenario[] {
  const json = { 'content-type': 'application/json' };
  const push = readFileSync(`${FIXTURES}github/push/default.json`, 'utf8');
  return [
    {
      name: 'static',
      description: 'static mapping, 2 KB JSON body',
      eventsPerRequest: 1,
      webhook: {
        mapping: { kind: 'static', event: { event: 'bench.static', resource: { 'prefect.resource.id': 'bench.static' } } },
      },
      request: { method: 'POST', headers: json, body: twoKilobyteBody() },
    },
    {
      name: 'github-push',
      description: `GitHub push (${(push.length / 1024).toFixed(1)} KB), HMAC-verified, github preset template`,
      eventsPerRequest: 1,
      webhook: { preset: 'github', verify: { secrets: [GITHUB_SECRET] } },
      request: {
        method: 'POST',
        headers: { ...json, 'x-github-event': 'push', ...signGithub(GITHUB_SECRET, push) },
        body: push,
        perRequest: (headers) => {
          headers['x-github-delivery'] = crypto.randomUUID();
        },
      },
    },
    {
      name: 'cloudevents-binary',
      description: 'CloudEvents binary mode, 2 KB JSON data',
      eventsPerRequest: 1,
      webhook: { mapping: { kind: 'cloudevents' } },
      request: {
        method: 'POST',
        headers: {
          ...json,
          'ce-specversion': '1.0',
          'ce-type': 'com.example.bench',
          'ce-source': '/bench',
          'ce-subject': 'bench.ce',
        },
        body: twoKilobyteBody(),
        perRequest: (headers) => {
          headers['ce-id'] = crypto.randomUUID();
        },
      },
    },
    {
      name: 'fanout-10',
      description: 'template fan-out: 10 events per request',
      eventsPerRequest: 10,
      webhook: { mapping: { kind: 'template', template: FANOUT_TEMPLATE } },
      request: { method: 'POST', headers: json, body: twoKilobyteBody(10) },
    },
  ];
}
