/** The Sinks pages: status of each sink, its dead letters, and the retry and replay buttons; they call the sink rules in core. */
import { Hono } from 'hono';
import { listDeadLetters, loadSink, replaySink, retryDeadLetters, sinkStatus } from '../core/sinks';
import type { RouteDeps } from '../deps';
import { InputError } from '../lib/errors';
import { microsFromMillis } from '../lib/time';
import { clockOf, type UiEnv } from './env';
import { SinkPage, SinksPage } from './pages/sinks';

const NOTICES: Record<string, string> = {
  retried: 'Dead letters queued again.',
  replayed: 'Events queued again: the sink deduplicates by id.',
};

/** `datetime-local` gives no zone: the page asks for UTC, and a value with an offset keeps it. */
function sinceMicros(value: string): number {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(ms)) throw new InputError(422, 'invalid-time', 'give the time to replay from');
  return microsFromMillis(ms);
}

export function createSinkUiRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();

  app.get('/sinks', async (c) => {
    const sinks = await deps.store.listSinks();
    const entries = await Promise.all(sinks.map(async (sink) => ({ sink, status: await sinkStatus(sink, deps) })));
    return c.html(<SinksPage entries={entries} csrf={c.get('csrf')} notice={NOTICES[c.req.query('done') ?? '']} />);
  });

  app.get('/sinks/:id', async (c) => {
    const sink = await loadSink(c.req.param('id'), deps);
    const [status, letters] = await Promise.all([sinkStatus(sink, deps), listDeadLetters(sink.id, 100, deps)]);
    return c.html(<SinkPage entry={{ sink, status }} letters={letters} csrf={c.get('csrf')} clock={clockOf(c, deps.now())} />);
  });

  app.post('/sinks/:id/retry', async (c) => {
    await retryDeadLetters(c.req.param('id'), undefined, deps);
    return c.redirect('/ui/sinks?done=retried', 303);
  });

  app.post('/sinks/:id/replay', async (c) => {
    const form = await c.req.parseBody();
    await replaySink(c.req.param('id'), sinceMicros(String(form.since ?? '')), deps);
    return c.redirect('/ui/sinks?done=replayed', 303);
  });

  return app;
}
