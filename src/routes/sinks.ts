/**
 * Sinks API (issue 13): parse → call the rules in src/core/sinks.ts → render. Secrets are
 * write-only (hints only); each sink is shown with its status.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  createSink,
  deleteSink,
  listDeadLetters,
  loadSink,
  MAX_DEAD_LETTERS_LISTED,
  replaySink,
  retryDeadLetters,
  sinkStatus,
  testSink,
  updateSink,
} from '../core/sinks';
import type { RouteDeps } from '../deps';
import { actorOf } from '../http/api-auth';
import { readBody } from '../http/body';
import { type SinkView, sinkView } from '../http/sink-view';
import { timestampMicros } from '../lib/time';
import { parseWith } from '../schemas/issues';
import { DeadLetterRetryRequest, type Sink, SinkCreate, SinkPatch, SinkReplayRequest } from '../schemas/sink';

const DeadLetterQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_DEAD_LETTERS_LISTED).default(100) });

export function createSinkRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const view = async (sink: Sink): Promise<SinkView> => sinkView(sink, await sinkStatus(sink, deps));
  /** The rules' deps with this request's actor, for the audit event of a change. */
  const as = (c: Context) => ({ ...deps, actor: actorOf(c) });

  app.get('/', async (c) => c.json(await Promise.all((await deps.store.listSinks()).map(view))));

  app.post('/', async (c) => {
    const sink = await createSink(await readBody(c, SinkCreate), as(c));
    c.header('location', `/api/sinks/${sink.id}`);
    return c.json(await view(sink), 201);
  });

  app.get('/:id', async (c) => c.json(await view(await loadSink(c.req.param('id'), deps))));

  app.patch('/:id', async (c) => c.json(await view(await updateSink(c.req.param('id'), await readBody(c, SinkPatch), as(c)))));

  app.delete('/:id', async (c) => {
    await deleteSink(c.req.param('id'), as(c));
    return c.body(null, 204);
  });

  app.get('/:id/dead-letters', async (c) => {
    const { limit } = parseWith(DeadLetterQuery, c.req.query());
    return c.json({ deadLetters: await listDeadLetters(c.req.param('id'), limit, deps) });
  });

  app.post('/:id/dead-letters/retry', async (c) => {
    const { ids } = await readBody(c, DeadLetterRetryRequest, { optional: true });
    return c.json(await retryDeadLetters(c.req.param('id'), ids, deps));
  });

  app.post('/:id/replay', async (c) => {
    const { since } = await readBody(c, SinkReplayRequest);
    return c.json(await replaySink(c.req.param('id'), timestampMicros(since), deps));
  });

  app.post('/:id/test', async (c) => c.json(await testSink(c.req.param('id'), deps)));

  return app;
}
