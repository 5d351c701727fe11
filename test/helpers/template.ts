/** Renders templates the way the Node pipeline does, for tests: default or given limits, errors as values. */
import { DEFAULT_RENDER_LIMITS, type RenderLimits } from '../../src/core/template/budget';
import { compileTemplate } from '../../src/core/template/compiled';

export function render(source: string, context: object = {}, limits: RenderLimits = DEFAULT_RENDER_LIMITS): string {
  return compileTemplate(source)(context, limits);
}

/** Renders and parses the output as JSON, as the template mapping does. */
export function renderJson(source: string, context: object = {}, limits: RenderLimits = DEFAULT_RENDER_LIMITS): unknown {
  return JSON.parse(render(source, context, limits));
}

/** The error a template raises, at parse or at render time; throws when it raises none. */
export function renderError(source: string, context: object = {}, limits: RenderLimits = DEFAULT_RENDER_LIMITS): Error {
  let output: string;
  try {
    output = render(source, context, limits);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail, it rendered ${JSON.stringify(output.slice(0, 200))}`);
}

/** Parser words a template author should never have to read in an error message. */
export const PARSER_JARGON = /\b(CLOSE\w*|OPEN\w*|ID|EOF|INVALID|SEP|EQUALS|INVERSE|CONTENT|STRING|NUMBER|BOOLEAN|DATA)\b/;
