/**
 * `GET /api/presets`: the provider presets a webhook can be made from (name, title, description,
 * scheme, delivery-id selector, handshakes); `GET /api/presets/:name`: one, with its template.
 */
import { Hono } from 'hono';
import { findPreset, presetCatalog } from '../core/presets/catalog';
import type { Preset } from '../core/presets/preset';
import type { RouteDeps } from '../deps';
import { NotFoundError } from '../lib/errors';

export function presetSummary(preset: Preset) {
  const { name, title, description, docs, verify, idFrom, handshakes, response } = preset;
  return { name, title, description, docs, scheme: verify.scheme, verify, idFrom, handshakes, response: response !== null };
}

export function createPresetRoutes(_deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json(presetCatalog().map(presetSummary)));
  app.get('/:name', (c) => {
    const preset = findPreset(c.req.param('name'));
    if (!preset) throw new NotFoundError('preset-not-found', `no preset named ${c.req.param('name').slice(0, 64)}`);
    return c.json(preset);
  });
  return app;
}
