/**
 * Template micro-benchmark: renders per second of the GitHub preset's template over a real push
 * (the context the gateway builds), on the compiled renderer (Node) and the interpreter (Workers).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTemplate } from '../src/adapter/node/template-compiler';
import { buildContext } from '../src/core/context';
import { DEFAULT_RENDER_LIMITS } from '../src/core/template/budget';
import { interpretTemplate } from '../src/core/template/interpreter';
import type { RenderFn } from '../src/core/template/render-fn';
import type { VerifiedRequest } from '../src/core/verify';
import type { Webhook } from '../src/schemas/webhook';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface TemplateResult {
  renderer: string;
  rendersPerSecond: number;
  microsPerRender: number;
}

function measure(render: RenderFn, context: object, seconds: number): { rendersPerSecond: number; microsPerRender: number } {
  for (let i = 0; i < 500; i++) render(context, DEFAULT_RENDER_LIMITS);
  let count = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) render(context, DEFAULT_RENDER_LIMITS);
    count += 100;
  }
  const elapsed = performance.now() - start;
  return {
    rendersPerSecond: Math.round((count / elapsed) * 1000),
    microsPerRender: Number(((elapsed / count) * 1000).toFixed(1)),
  };
}

export function benchTemplates(seconds = 3): TemplateResult[] {
  const template = readFileSync(here('../templates/github/github.hbs'), 'utf8');
  const body = readFileSync(here('../../shared/fixtures/github/push/default.json'));
  const request = {
    method: 'POST',
    url: new URL('http://127.0.0.1/hooks/bench'),
    headers: new Headers({ 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'bench-1' }),
    body: new Uint8Array(body),
    receivedAt: Date.now(),
  } as VerifiedRequest;
  const { context } = buildContext(request, { id: '0190b000-0000-4000-8000-00000000be0c', name: 'bench' } as Webhook);
  const compiled = compileTemplate(template);
  const interpreted = interpretTemplate(template);
  if (compiled(context, DEFAULT_RENDER_LIMITS) !== interpreted(context, DEFAULT_RENDER_LIMITS))
    throw new Error('renderers disagree');
  return [
    { renderer: 'compiled (Node)', ...measure(compiled, context, seconds) },
    { renderer: 'interpreted (Workers)', ...measure(interpreted, context, seconds) },
  ];
}
