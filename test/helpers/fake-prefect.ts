/**
 * A local Prefect events API that behaves as Prefect does (../shared/research/forwarding-facts.md
 * §1): `POST /api/events` with a JSON array → 204; one invalid event rejects the whole batch with
 * 422 naming its index in `exception_detail[].loc`; first write of an id wins; events over
 * 1,500,000 bytes are dropped silently (still 204); Bearer (Cloud) or Basic (OSS) auth → 401;
 * `/events/` → 307; bodies over 5 MiB → 413. Faults are queued per request: 5xx, 429 with
 * Retry-After, connection resets, slow answers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = { status: number; retryAfter?: string; body?: string } | { reset: true } | { delayMs: number };

export interface FakePrefect {
  /** The PREFECT_API_URL: `http://127.0.0.1:<port>/api`. */
  url: string;
  /** Stored events by id (first write wins). */
  events: Map<string, Record<string, unknown>>;
  /** Every POST /events request's event ids, in order (duplicates counted). */
  received: string[];
  requests: number;
  faults: Fault[];
  /** Requests answered with each fault or status, for assertions. */
  answers: number[];
  /** While true, every request gets a 503 (an outage). */
  outage: boolean;
  close(): Promise<void>;
}

export interface FakePrefectOptions {
  apiKey?: string;
  authString?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_EVENT_BYTES = 1_500_000;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

type Issue = { loc: (string | number)[]; msg: string; type: string };

function labelIssues(labels: unknown, loc: (string | number)[], required: string[]): Issue[] {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels))
    return [{ loc, msg: 'Input should be a valid dictionary', type: 'dict_type' }];
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'string')
      issues.push({ loc: [...loc, key], msg: 'Input should be a valid string', type: 'string_type' });
  }
  for (const key of required) {
    if (!(labels as Record<string, unknown>)[key])
      issues.push({ loc, msg: `Resources must include the ${key} label`, type: 'value_error' });
  }
  if (Object.keys(labels).length > 500) issues.push({ loc, msg: 'too many labels', type: 'value_error' });
  return issues;
}

/** Prefect's server-side model rules for one event at `index`. */
function eventIssues(event: unknown, index: number): Issue[] {
  const at = (field: string | number, ...rest: (string | number)[]) => ['body', index, field, ...rest];
  if (typeof event !== 'object' || event === null)
    return [{ loc: ['body', index], msg: 'Input should be an object', type: 'model_type' }];
  const e = event as Record<string, unknown>;
  const issues: Issue[] = [];
  if (typeof e.id !== 'string' || !UUID.test(e.id))
    issues.push({ loc: at('id'), msg: 'Input should be a valid UUID', type: 'uuid_parsing' });
  if (typeof e.occurred !== 'string' || Number.isNaN(Date.parse(e.occurred)))
    issues.push({ loc: at('occurred'), msg: 'Input should be a valid datetime', type: 'datetime_parsing' });
  if (typeof e.event !== 'string') issues.push({ loc: at('event'), msg: 'Input should be a valid string', type: 'string_type' });
  else if (e.event.length > 1024)
    issues.push({ loc: at('event'), msg: 'Value error, Event name must be at most 1024 characters', type: 'value_error' });
  issues.push(...labelIssues(e.resource, at('resource'), ['prefect.resource.id']));
  const related = e.related ?? [];
  if (!Array.isArray(related) || related.length > 100)
    issues.push({ loc: at('related'), msg: 'at most 100 related resources', type: 'value_error' });
  else {
    for (const [i, r] of related.entries()) {
      issues.push(...labelIssues(r, at('related', i), ['prefect.resource.id', 'prefect.resource.role']));
    }
  }
  if (e.follows != null && (typeof e.follows !== 'string' || !UUID.test(e.follows)))
    issues.push({ loc: at('follows'), msg: 'Input should be a valid UUID', type: 'uuid_parsing' });
  return issues;
}

function authorized(req: IncomingMessage, options: FakePrefectOptions): boolean {
  const header = req.headers.authorization ?? '';
  if (options.apiKey) return header === `Bearer ${options.apiKey}`;
  if (options.authString) return header === `Basic ${Buffer.from(options.authString).toString('base64')}`;
  return true;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export async function startFakePrefect(options: FakePrefectOptions = {}): Promise<FakePrefect> {
  const fake = { events: new Map(), received: [], requests: 0, faults: [], answers: [], outage: false } as unknown as FakePrefect;

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/api/health') return json(res, 200, true);
    // For tests in another runtime (workerd): what this fake holds, and a way to queue faults.
    if (req.method === 'GET' && path === '/_fake/events')
      return json(res, 200, { ids: [...fake.events.keys()], received: fake.received.length });
    if (req.method === 'POST' && path === '/_fake/faults') {
      fake.faults.push(...(JSON.parse(body.toString('utf8')) as Fault[]));
      return json(res, 200, { queued: fake.faults.length });
    }
    if (req.method !== 'POST' || !path.startsWith('/api/events')) return json(res, 404, { detail: 'Not Found' });
    if (path === '/api/events/') {
      res.writeHead(307, { location: '/api/events' });
      return res.end();
    }
    if (path !== '/api/events') return json(res, 404, { detail: 'Not Found' });
    fake.requests += 1;
    if (fake.outage) {
      fake.answers.push(503);
      return json(res, 503, { exception_message: 'Service Unavailable' });
    }
    const fault = fake.faults.shift();
    if (fault && 'reset' in fault) {
      fake.answers.push(0);
      req.socket.destroy();
      return;
    }
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && 'status' in fault) {
      fake.answers.push(fault.status);
      return json(
        res,
        fault.status,
        fault.body ?? { exception_message: 'fault' },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    if (!authorized(req, options)) {
      fake.answers.push(401);
      return json(res, 401, { exception_message: 'Unauthorized' });
    }
    if (req.headers['content-length'] === undefined) return json(res, 411, { detail: 'Length Required' });
    if (body.length > MAX_BODY_BYTES) return json(res, 413, { detail: 'Request Entity Too Large' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return json(res, 422, {
        exception_message: 'Invalid request received.',
        exception_detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }],
      });
    }
    if (!Array.isArray(parsed)) {
      return json(res, 422, {
        exception_message: 'Invalid request received.',
        exception_detail: [{ loc: ['body'], msg: 'Input should be a valid list', type: 'list_type' }],
      });
    }
    const issues = parsed.flatMap((event, i) => eventIssues(event, i));
    if (issues.length > 0) {
      fake.answers.push(422);
      return json(res, 422, { exception_message: 'Invalid request received.', exception_detail: issues, request_body: parsed });
    }
    for (const event of parsed as Record<string, unknown>[]) {
      const id = String(event.id).toLowerCase();
      fake.received.push(id);
      // Prefect refuses to publish an event over its size limit, silently (still 204).
      if (Buffer.byteLength(JSON.stringify(event)) > MAX_EVENT_BYTES) continue;
      if (!fake.events.has(id)) fake.events.set(id, event);
    }
    fake.answers.push(204);
    res.writeHead(204);
    res.end();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error) => json(res, 500, { detail: String(error) }));
    });
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}/api`;
  fake.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return fake;
}
