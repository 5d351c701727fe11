/** The baseline: bare Hono on @hono/node-server answering 204 — the framework's ceiling here. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.all('*', (c) => c.body(null, 204));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) }, () => {
  process.stdout.write('listening\n');
});
