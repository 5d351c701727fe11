/**
 * Template mapping (DESIGN §3.2): a Handlebars template renders JSON, one event or an array of
 * events. Rendering runs the rewritten template (see core/template), output is parsed as JSON;
 * `{{json}}` of the body is placed as the parsed value, not printed and parsed again.
 */

import { MappingError } from '../../lib/errors';
import type { TemplateMapping } from '../../schemas/mapping';
import type { PlacedOutput } from '../template/budget';
import { materialise, placeValues } from '../template/placement';
import type { RenderFn } from '../template/render-fn';
import type { MapInput, Mapper, MapperDeps, MapResult } from './types';

/** JSON.parse's error, with the line and column in the rendered text and the text around it. */
function outputNotJson(rendered: string, error: Error): MappingError {
  const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? Number.NaN);
  let where = '';
  if (Number.isFinite(position)) {
    const before = rendered.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const excerpt = rendered.slice(Math.max(0, position - 40), position + 40).replace(/\s+/g, ' ');
    where = ` at line ${line}, column ${column} of the rendered text, near ${JSON.stringify(excerpt)}`;
  }
  const reason = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return new MappingError('template-output-not-json', 'The template did not render JSON', `${reason}${where}`);
}

/** The rendered text as JSON, or the `template-output-not-json` error that says where it is not. */
function parseOutput(rendered: string): unknown {
  try {
    return JSON.parse(rendered);
  } catch (error) {
    const failure = outputNotJson(rendered, error as Error);
    failure.rendered = rendered;
    throw failure;
  }
}

function result(output: unknown, rendered: () => string): MapResult {
  const fanOut = Array.isArray(output);
  return { candidates: fanOut ? (output as unknown[]) : [output], fanOut, rendered };
}

/**
 * Renders with `{{json}}` values placed (core/template/placement.ts), or undefined when only the
 * text render can tell: it failed (a placed value's bound may pass a limit the text stays within).
 */
function renderPlaced(render: RenderFn, input: MapInput, deps: MapperDeps): MapResult | undefined {
  if (!render.placing) return undefined;
  let placed: PlacedOutput;
  try {
    placed = render.placing(input.context, deps.renderLimits);
  } catch {
    return undefined;
  }
  const rendered = () => materialise(placed);
  if (placed.placements.length === 0) return result(parseOutput(placed.text), () => placed.text);
  let output: unknown;
  try {
    output = JSON.parse(placed.text);
  } catch {
    // Where a token breaks the JSON, the text does too: its own error says where.
    return result(parseOutput(rendered()), rendered);
  }
  const values = placeValues(output, placed.placements);
  return values ? result(values.value, rendered) : result(parseOutput(rendered()), rendered);
}

export const templateMapper: Mapper<TemplateMapping> = {
  kind: 'template',
  check(mapping, deps) {
    deps.compile(mapping.template);
  },
  map(mapping, input, deps) {
    if (!input.parsed.ok) throw new MappingError('invalid-body', 'The body cannot be used', input.parsed.reason);
    const render = deps.compile(mapping.template);
    const placed = renderPlaced(render, input, deps);
    if (placed) return placed;
    const rendered = render(input.context, deps.renderLimits);
    return result(parseOutput(rendered), () => rendered);
  },
};
