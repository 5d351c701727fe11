/**
 * Template mapping (DESIGN §3.2): a Handlebars template renders JSON, one event or an array of
 * events. Rendering runs the rewritten template (see core/template), output is parsed as JSON.
 */

import { MappingError } from '../../lib/errors';
import type { TemplateMapping } from '../../schemas/mapping';
import type { Mapper } from './types';

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

export const templateMapper: Mapper<TemplateMapping> = {
  kind: 'template',
  check(mapping, deps) {
    deps.compile(mapping.template);
  },
  map(mapping, input, deps) {
    if (!input.parsed.ok) throw new MappingError('invalid-body', 'The body cannot be used', input.parsed.reason);
    const render = deps.compile(mapping.template);
    const rendered = render(input.context, deps.renderLimits);
    let output: unknown;
    try {
      output = JSON.parse(rendered);
    } catch (error) {
      const failure = outputNotJson(rendered, error as Error);
      failure.rendered = rendered;
      throw failure;
    }
    const fanOut = Array.isArray(output);
    return { candidates: fanOut ? (output as unknown[]) : [output], fanOut, rendered };
  },
};
