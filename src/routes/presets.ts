/**
 * `GET /api/presets[?q=<words>]`: the provider presets a webhook can be made from (name, title,
 * description, setup hint, scheme, delivery-id selector, handshakes), narrowed to those matching
 * every word of `q`; `GET /api/presets/:name`: one, with its template.
 */
import { Hono } from 'hono';
import { findPreset, presetCatalog } from '../core/presets/catalog';
import type { Preset } from '../core/presets/preset';
import { searchPresets } from '../core/presets/search';
import type { RouteDeps } from '../deps';
import { NotFoundError } from '../lib/errors';

export function presetSummary(preset: Preset) {
  const { name, title, description, docs, setup, verify, idFrom, handshakes, response } = preset;
  return {
    name,
    title,
    description,
    docs,
    setup: setup ?? null,
    scheme: verify.scheme,
    verify,
    idFrom,
    handshakes,
    response: response !== null,
  };
}

export function createPresetRoutes(_deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const query = (c.req.query('q') ?? '').slice(0, 200);
    const names = new Set(searchPresets(presetCatalog(), query).map((listing) => listing.name));
    return c.json(
      presetCatalog()
        .filter((preset) => names.has(preset.name))
        .map(presetSummary),
    );
  });
  app.get('/:name', (c) => {
    const preset = findPreset(c.req.param('name'));
    if (!preset) throw new NotFoundError('preset-not-found', `no preset named ${c.req.param('name').slice(0, 64)}`);
    return c.json(preset);
  });
  return app;
}
