/** The sinks API in the OpenAPI document (src/routes/openapi.ts), from the validating schemas. */
import { z } from 'zod';
import { DeadLetter, DeadLetterRetryRequest, SinkCreate, SinkPatch, SinkReplayRequest, SinkView } from '../schemas/sink';

type Schema = Record<string, unknown>;
interface Operation {
  summary: string;
  request?: Schema;
  responses: Record<number, Schema | null>;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  return rest;
}

const VIEW = jsonSchema(SinkView, 'output');

export const SINK_OPERATIONS: Record<string, Record<string, Operation>> = {
  '/api/sinks': {
    post: {
      summary: 'Create a sink: prefect, http or cloudevents',
      request: jsonSchema(SinkCreate, 'input'),
      responses: { 201: VIEW },
    },
    get: { summary: 'List sinks with their status', responses: { 200: { type: 'array', items: VIEW } } },
  },
  '/api/sinks/{id}': {
    get: { summary: 'A sink and its status (delivered, pending, lag, dead letters, last error)', responses: { 200: VIEW } },
    patch: {
      summary: 'Change a sink; secrets left out are kept',
      request: jsonSchema(SinkPatch, 'input'),
      responses: { 200: VIEW },
    },
    delete: { summary: 'Delete a sink, its pending events and dead letters', responses: { 204: null } },
  },
  '/api/sinks/{id}/dead-letters': {
    get: {
      summary: 'Events the sink rejected: the event, the reason, its status and an excerpt of its answer (`limit` ≤ 500)',
      responses: {
        200: { type: 'object', properties: { deadLetters: { type: 'array', items: jsonSchema(DeadLetter, 'output') } } },
      },
    },
  },
  '/api/sinks/{id}/dead-letters/retry': {
    post: {
      summary: 'Send dead letters again (all, or `ids`)',
      request: jsonSchema(DeadLetterRetryRequest, 'input'),
      responses: { 200: { type: 'object', properties: { retried: { type: 'integer' } } } },
    },
  },
  '/api/sinks/{id}/replay': {
    post: {
      summary: 'Send again every event received since a time (the receiver deduplicates by id)',
      request: jsonSchema(SinkReplayRequest, 'input'),
      responses: { 200: { type: 'object', properties: { queued: { type: 'integer' }, limit: { type: 'integer' } } } },
    },
  },
  '/api/sinks/{id}/test': {
    post: {
      summary: 'Send one synthetic event now and report the answer',
      responses: {
        200: {
          type: 'object',
          properties: {
            ok: { type: 'boolean' },
            status: { type: ['integer', 'null'] },
            answer: { type: 'string' },
            eventId: { type: 'string' },
          },
        },
      },
    },
  },
};
