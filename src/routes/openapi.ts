/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 document of the whole API, its request and response
 * bodies generated from the very zod schemas that validate them (`z.toJSONSchema`), so it cannot
 * drift from the code; a test checks that it lists exactly the routes the app serves.
 * @see https://spec.openapis.org/oas/v3.1.0
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requiredScope } from '../http/api-auth';
import { ApiKeyCreate, ApiKeyCreated, ApiKeyView } from '../schemas/api-key';
import { Delivery, DeliveryQuery } from '../schemas/delivery';
import { Event, StoredEvent } from '../schemas/event';
import { CountRequest, EventPageResponse, FilterRequest, TailRequest, TailResponse } from '../schemas/filter';
import { ReplayRequest } from '../schemas/replay';
import { SampleRequest, WebhookCreate, WebhookPatch, WebhookView } from '../schemas/webhook';
import { MAX_EVENT_BATCH_ITEMS } from './events';
import { SINK_OPERATIONS } from './openapi-sinks';

type Schema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  return rest;
}

const PROBLEM: Schema = {
  type: 'object',
  description: 'RFC 9457 problem details, with a stable `code`',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
  required: ['type', 'title', 'status', 'code', 'detail'],
};

const WEBHOOK_VIEW: Schema = jsonSchema(WebhookView, 'output');

interface Operation {
  summary: string;
  request?: Schema;
  /** Query parameters, from the schema that validates them. */
  query?: z.ZodObject;
  /** Status → body schema (`null`: no body). */
  responses: Record<number, Schema | null>;
}

const json = (schema: Schema) => ({ 'application/json': { schema } });
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/** Every route under /api, by OpenAPI path and method. */
export const API_OPERATIONS: Record<string, Record<string, Operation>> = {
  '/api/webhooks': {
    post: {
      summary: 'Create a webhook (or from a preset)',
      request: jsonSchema(WebhookCreate, 'input'),
      responses: { 201: WEBHOOK_VIEW },
    },
    get: { summary: 'List webhooks', responses: { 200: { type: 'array', items: WEBHOOK_VIEW } } },
  },
  '/api/webhooks/{id}': {
    get: { summary: 'Get a webhook', responses: { 200: WEBHOOK_VIEW } },
    patch: {
      summary: 'Change any field of a webhook',
      request: jsonSchema(WebhookPatch, 'input'),
      responses: { 200: WEBHOOK_VIEW },
    },
    delete: { summary: 'Delete a webhook', responses: { 204: null } },
  },
  '/api/webhooks/{id}/rotate': {
    post: { summary: 'New URL; the old one answers 404 at once', responses: { 200: WEBHOOK_VIEW } },
  },
  '/api/webhooks/{id}/test': {
    post: {
      summary:
        'Dry run of a sample request: the events, or the error the live endpoint would give (plus `rendered`); stores nothing',
      request: jsonSchema(SampleRequest, 'input'),
      responses: {
        200: {
          type: 'object',
          properties: {
            events: { type: 'array', items: jsonSchema(Event, 'output') },
            handshake: {
              type: 'object',
              description: 'Present when a handshake answers the sample (the sender would get this answer)',
              properties: { status: { type: 'integer' }, headers: { type: 'object' }, body: { type: 'string' } },
            },
          },
        },
        422: {
          ...PROBLEM,
          description:
            'The sample fails verification (`signature-missing`, …, with `liveStatus: 401`) or is not a usable request; mapping failures answer 400 with `rendered`, as live',
        },
      },
    },
  },
  '/api/webhooks/{id}/replay': {
    post: {
      summary: 'Re-run stored failed requests through the current mapping (idempotent)',
      request: jsonSchema(ReplayRequest, 'input'),
      responses: { 200: { type: 'object', description: 'What was replayed, written, duplicate, failed or skipped' } },
    },
  },
  '/api/webhooks/{id}/deliveries': {
    get: {
      summary: 'The delivery log: every request to the webhook URL and its outcome, newest first',
      query: DeliveryQuery,
      responses: {
        200: {
          type: 'object',
          properties: {
            deliveries: { type: 'array', items: { ...jsonSchema(Delivery, 'output'), description: 'A record, with `hint`' } },
            next_page: { type: ['string', 'null'] },
            cursor: { type: ['string', 'null'] },
          },
        },
      },
    },
  },
  '/api/events': {
    post: {
      summary: 'Store events (Prefect-compatible)',
      request: { type: 'array', maxItems: MAX_EVENT_BATCH_ITEMS, items: jsonSchema(Event, 'input') },
      responses: { 204: null },
    },
  },
  '/api/events/filter': {
    post: {
      summary: 'Events matching a Prefect EventFilter, one page at a time (limit ≤ 200)',
      request: jsonSchema(FilterRequest, 'input'),
      responses: { 200: jsonSchema(EventPageResponse, 'output') },
    },
  },
  '/api/events/filter/next': {
    get: {
      summary: 'The next page (`page-token` query parameter; a bad token is 403)',
      responses: { 200: jsonSchema(EventPageResponse, 'output') },
    },
  },
  '/api/events/tail': {
    post: {
      summary:
        'Follow new events in arrival order: those stored after the cursor `after` that `filter` matches (limit ≤ 200); without `after`, none and the cursor of now',
      request: jsonSchema(TailRequest, 'input'),
      responses: { 200: jsonSchema(TailResponse, 'output') },
    },
  },
  '/api/events/count-by/{countable}': {
    post: {
      summary: "Prefect's counts by day, time, event or resource",
      request: jsonSchema(CountRequest, 'input'),
      responses: { 200: { type: 'array', items: { type: 'object' } } },
    },
  },
  '/api/events/{id}': {
    get: { summary: 'One event', responses: { 200: jsonSchema(StoredEvent, 'output') } },
  },
  '/api/keys': {
    post: {
      summary: 'Make an API key (scope read, emit, manage or admin); `key` is in this answer only',
      request: jsonSchema(ApiKeyCreate, 'input'),
      responses: { 201: jsonSchema(ApiKeyCreated, 'output') },
    },
    get: {
      summary: 'The API keys (never the keys themselves)',
      responses: { 200: { type: 'array', items: jsonSchema(ApiKeyView, 'output') } },
    },
  },
  '/api/keys/{id}': {
    delete: { summary: 'Revoke an API key: refused from the next request on', responses: { 204: null } },
  },
  '/api/presets': {
    get: {
      summary: 'The provider presets (with a setup hint each); ?q=<words> keeps those matching every word',
      responses: { 200: { type: 'array', items: { type: 'object' } } },
    },
  },
  '/api/presets/{name}': {
    get: { summary: 'One provider preset, with its template and sample request', responses: { 200: { type: 'object' } } },
  },
  ...SINK_OPERATIONS,
  '/api/openapi.json': {
    get: { summary: 'This document', responses: { 200: { type: 'object' } } },
  },
};

function parametersOf(path: string, query?: z.ZodObject): unknown[] {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const inPath = names.map((name) => (name === 'id' ? id : { name, in: 'path', required: true, schema: { type: 'string' } }));
  const properties = (query ? (jsonSchema(query, 'input').properties ?? {}) : {}) as Record<string, Schema>;
  return [...inPath, ...Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))];
}

export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, methods] of Object.entries(API_OPERATIONS)) {
    paths[path] = Object.fromEntries(
      Object.entries(methods).map(([method, op]) => [
        method,
        {
          summary: op.summary,
          // The least API key scope the route needs (http/api-auth.ts decides; read < manage < admin, emit apart).
          'x-required-scope': requiredScope(method.toUpperCase(), path),
          parameters: parametersOf(path, op.query),
          ...(op.request && { requestBody: { required: true, content: json(op.request) } }),
          responses: {
            ...Object.fromEntries(
              Object.entries(op.responses).map(([status, schema]) => [
                status,
                { description: 'OK', ...(schema && { content: json(schema) }) },
              ]),
            ),
            default: { description: 'A problem', content: { 'application/problem+json': { schema: PROBLEM } } },
          },
        },
      ]),
    );
  }
  return {
    openapi: '3.1.0',
    info: { title: 'hookgate', version: '0.1.0', description: 'Webhooks in, events out: the management and events API.' },
    components: {
      securitySchemes: {
        admin: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token or an API key (`hgk_…`) with the scope in `x-required-scope`',
        },
      },
    },
    security: [{ admin: [] }],
    paths,
  };
}

export function createOpenApiRoutes(): Hono {
  const app = new Hono();
  let document: Record<string, unknown> | undefined;
  app.get('/', (c) => {
    document ??= buildOpenApi();
    return c.json(document);
  });
  return app;
}
