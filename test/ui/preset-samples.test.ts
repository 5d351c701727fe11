/**
 * Every preset ships a sample request (templates/<name>/sample.json) for the editor's preview, and
 * its template turns that sample into events — with both renderers (Node compiled, Workers interpreted).
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/adapter/node/template-compiler';
import { presetCatalog } from '../../src/core/presets/catalog';
import type { Preset } from '../../src/core/presets/preset';
import { DEFAULT_RENDER_LIMITS } from '../../src/core/template/budget';
import { interpretTemplate } from '../../src/core/template/interpreter';
import type { RouteDeps } from '../../src/deps';
import type { Webhook } from '../../src/schemas/webhook';
import { previewMapping } from '../../src/ui/preview';

const RENDERERS = { compiled: compileTemplate, interpreted: interpretTemplate };

function webhookOf(preset: Preset): Webhook {
  return {
    id: '6f0e2b6c-3c55-4f0a-9a53-2d1f1f6d7a10',
    name: preset.title,
    description: '',
    enabled: true,
    slug: 'sample-slug-sample-slug',
    mapping: preset.mapping,
    verify: { scheme: 'none' },
    idFrom: preset.idFrom,
    rateLimit: null,
    preset: preset.name,
    created: '2026-03-27T11:00:00Z',
    updated: '2026-03-27T11:00:00Z',
  };
}

describe('preset samples', () => {
  for (const [renderer, compile] of Object.entries(RENDERERS)) {
    it.each(presetCatalog().map((preset) => [preset.name, preset] as const))(
      `%s: its sample maps to events (${renderer})`,
      async (_name, preset) => {
        expect(preset.sample).not.toBeNull();
        // The preview receives the sample (size limit, clock) and maps it; it never touches the store.
        const pipeline = {
          compile,
          renderLimits: DEFAULT_RENDER_LIMITS,
          maxBodyBytes: 1024 * 1024,
          now: () => Date.UTC(2026, 2, 27, 12),
        } as unknown as RouteDeps['pipeline'];
        const outcome = await previewMapping(
          webhookOf(preset),
          preset.mapping,
          preset.sample ?? { method: 'POST', headers: {}, query: {} },
          {
            pipeline,
            compileDraft: compile,
          },
        );
        expect(outcome.ok ? '' : JSON.stringify(outcome.error)).toBe('');
        if (!outcome.ok) return;
        expect(outcome.events.length).toBeGreaterThan(0);
        for (const event of outcome.events)
          expect(event.event).toMatch(new RegExp(`^${preset.name === 'standard-webhooks' ? '' : `${preset.name}\\.`}`));
      },
    );
  }
});
