/**
 * Renders templates for tests the way the pipeline does. Every render runs on BOTH renderers —
 * compiled (Node) and interpreted (Workers) — and fails when their output or error differs, so
 * every template test is also a differential test.
 */

import { compileTemplate } from '../../src/adapter/node/template-compiler';
import { DEFAULT_RENDER_LIMITS, type RenderLimits } from '../../src/core/template/budget';
import { interpretTemplate } from '../../src/core/template/interpreter';
import { materialise } from '../../src/core/template/placement';
import type { RenderFn } from '../../src/core/template/render-fn';
import { jsonHeight, rememberParsed } from '../../src/schemas/json';

type Outcome = { ok: true; text: string } | { ok: false; error: Error };

function attempt(compile: (source: string) => RenderFn, source: string, context: object, limits: RenderLimits): Outcome {
  try {
    return { ok: true, text: compile(source)(context, limits) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

/** The render with placed values (its tokens as they are, and materialised), or its error. */
function attemptPlacing(compile: (source: string) => RenderFn, source: string, context: object, limits: RenderLimits): string {
  try {
    const placing = compile(source).placing;
    if (!placing) return 'no placing';
    const output = placing(context, limits);
    return `tokens ${JSON.stringify(output.text)} text ${JSON.stringify(materialise(output))}`;
  } catch (error) {
    return `error ${(error as Error).name}`;
  }
}

/**
 * The context's `body` marked as the pipeline marks a parsed request body (core/parse-body.ts),
 * so `{{json body}}` is placed here as it is in a real request.
 */
function markParsedBody(context: object): void {
  const body = (context as { body?: unknown }).body;
  if (body === null || typeof body !== 'object') return;
  const height = jsonHeight(body);
  if (height !== undefined) rememberParsed(body, height, JSON.stringify(body).length);
}

/**
 * The renders with placed values agree too, token for token, and where they succeed they
 * materialise to the text render's output (a failure is for the text render to decide).
 */
function checkPlacing(source: string, context: object, limits: RenderLimits, text: Outcome): void {
  markParsedBody(context);
  const compiled = attemptPlacing(compileTemplate, source, context, limits);
  const interpreted = attemptPlacing(interpretTemplate, source, context, limits);
  if (compiled !== interpreted) {
    throw new Error(
      `renderers placing values disagree on ${JSON.stringify(source)}:\n  compiled:    ${compiled}\n  interpreted: ${interpreted}`,
    );
  }
  if (compiled.startsWith('tokens') && !(text.ok && compiled.endsWith(` text ${JSON.stringify(text.text)}`))) {
    throw new Error(`placing values changed the output of ${JSON.stringify(source)}: ${compiled.slice(0, 300)}`);
  }
}

/** Both renderers' outcome; throws when they disagree (different text, or different errors). */
export function renderBoth(source: string, context: object, limits: RenderLimits): Outcome {
  const compiled = attempt(compileTemplate, source, context, limits);
  const interpreted = attempt(interpretTemplate, source, context, limits);
  const describe = (o: Outcome) => (o.ok ? `text ${JSON.stringify(o.text)}` : `${o.error.name}: ${o.error.message}`);
  if (describe(compiled) !== describe(interpreted)) {
    throw new Error(
      `renderers disagree on ${JSON.stringify(source)}:\n  compiled:    ${describe(compiled)}\n  interpreted: ${describe(interpreted)}`,
    );
  }
  checkPlacing(source, context, limits, compiled);
  return compiled;
}

export function render(source: string, context: object = {}, limits: RenderLimits = DEFAULT_RENDER_LIMITS): string {
  const outcome = renderBoth(source, context, limits);
  if (!outcome.ok) throw outcome.error;
  return outcome.text;
}

/** Renders and parses the output as JSON, as the template mapping does. */
export function renderJson(source: string, context: object = {}, limits: RenderLimits = DEFAULT_RENDER_LIMITS): unknown {
  return JSON.parse(render(source, context, limits));
}

/** The error a template raises, at parse or at render time; throws when it raises none. */
export function renderError(source: string, context: object = {}, limits: RenderLimits = DEFAULT_RENDER_LIMITS): Error {
  const outcome = renderBoth(source, context, limits);
  if (!outcome.ok) return outcome.error;
  throw new Error(`expected ${JSON.stringify(source)} to fail, it rendered ${JSON.stringify(outcome.text.slice(0, 200))}`);
}

/** Parser words a template author should never have to read in an error message. */
export const PARSER_JARGON = /\b(CLOSE\w*|OPEN\w*|ID|EOF|INVALID|SEP|EQUALS|INVERSE|CONTENT|STRING|NUMBER|BOOLEAN|DATA)\b/;
