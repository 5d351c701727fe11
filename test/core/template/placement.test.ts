/**
 * `{{json}}` of the parsed body placed as the value (core/template/placement.ts): the template
 * mapping gives the same candidates, errors and rendered text as printing the JSON and parsing it
 * back, on both renderers, and falls back to the text wherever a token is not a whole JSON value.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../../src/adapter/node/template-compiler';
import type { ContextParts } from '../../../src/core/context';
import { buildContext } from '../../../src/core/context';
import { translate } from '../../../src/core/pipeline';
import { DEFAULT_RENDER_LIMITS, type RenderLimits } from '../../../src/core/template/budget';
import { interpretTemplate } from '../../../src/core/template/interpreter';
import type { RenderFn } from '../../../src/core/template/render-fn';
import type { VerifiedRequest } from '../../../src/core/verify';
import type { Webhook } from '../../../src/schemas/webhook';
import { render } from '../../helpers/template';

const BODY = { items: [{ id: 1 }, { id: 2 }], name: 'Ada "the first"', big: 1e20, nested: { deep: [true, null] } };
const RESOURCE = '"resource": {"prefect.resource.id": "r"}';

function parts(body: string, contentType = 'application/json'): ContextParts {
  const request = {
    method: 'POST',
    url: new URL('http://127.0.0.1/hooks/placement'),
    headers: new Headers({ 'content-type': contentType }),
    body: new TextEncoder().encode(body),
    receivedAt: Date.UTC(2026, 2, 27, 12),
  } as VerifiedRequest;
  return buildContext(request, webhook(''));
}

function webhook(template: string): Webhook {
  return {
    id: '0190b000-0000-4000-8000-00000000be0c',
    name: 'placement',
    mapping: { kind: 'template', template },
    idFrom: null,
    verify: { scheme: 'none' },
  } as unknown as Webhook;
}

/** A renderer that can only print text: what the mapping did before values were placed. */
const textOnly =
  (compile: (source: string) => RenderFn) =>
  (source: string): RenderFn => {
    const fn = compile(source);
    return (context, limits) => fn(context, limits);
  };

type Outcome = ReturnType<typeof translate>;

function run(
  template: string,
  compile: (source: string) => RenderFn,
  limits: RenderLimits,
  body: string,
  type?: string,
): Outcome {
  const request = {
    method: 'POST',
    url: new URL('http://127.0.0.1/hooks/placement'),
    headers: new Headers(),
    body: new Uint8Array(),
    receivedAt: Date.UTC(2026, 2, 27, 12),
  } as unknown as VerifiedRequest;
  return translate(webhook(template), request, { renderLimits: limits, compile }, parts(body, type));
}

/** The outcome with values placed, after checking it against the text-only mapping on both renderers. */
function placed(
  template: string,
  limits: RenderLimits = DEFAULT_RENDER_LIMITS,
  body = JSON.stringify(BODY),
  type?: string,
): Outcome {
  const describe = (o: Outcome) =>
    o.ok
      ? JSON.stringify(o.events.map(({ id: _id, ...rest }) => rest))
      : `${o.error.code}: ${o.error.detail} | rendered ${o.error.rendered} | failure ${JSON.stringify(o.failure.payload)}`;
  const outcome = run(template, compileTemplate, limits, body, type);
  for (const compile of [interpretTemplate, textOnly(compileTemplate), textOnly(interpretTemplate)]) {
    expect(describe(run(template, compile, limits, body, type))).toBe(describe(outcome));
  }
  return outcome;
}

const events = (outcome: Outcome) => {
  if (!outcome.ok) throw outcome.error;
  return outcome.events;
};

describe('placing {{json}} values', () => {
  it('places the parsed body itself where a token stands as a whole value', () => {
    const body = JSON.stringify(BODY);
    const template = `{"event": "x", ${RESOURCE}, "payload": {"body": {{json body}}, "again": {{json @root.body}}}}`;
    const request = { receivedAt: Date.UTC(2026, 2, 27, 12) } as VerifiedRequest;
    const context = parts(body);
    const outcome = translate(
      webhook(template),
      request,
      { renderLimits: DEFAULT_RENDER_LIMITS, compile: compileTemplate },
      context,
    );
    const [event] = events(outcome);
    expect(event?.payload).toEqual({ body: BODY, again: BODY });
    // The very object parsed from the body: not printed, not parsed again.
    expect(event?.payload.body).toBe(context.context.body);
    expect(events(placed(template))[0]?.payload).toEqual({ body: BODY, again: BODY });
  });

  it.each([
    ['inside a JSON string', `{"event": "x", ${RESOURCE}, "payload": {"s": "{{json body}}"}}`],
    ['as a key', `{"event": "x", ${RESOURCE}, "payload": { {{json body}}: 1}}`],
    ['concatenated with text', `{"event": "x", ${RESOURCE}, "payload": {{json body}}x}`],
    ['after a backslash in a string', `{"event": "x", ${RESOURCE}, "payload": {"s": "a\\\\{{json body}}"}}`],
    ['raw inside a string', `{"event": "x", ${RESOURCE}, "payload": {"s": "{{{json body}}}"}}`],
  ])('fails %s exactly as the text does, with the same rendered text', (_where, template) => {
    const outcome = placed(template);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.rendered).toContain(JSON.stringify(BODY));
  });

  it('keeps helpers that read the JSON text as text: nested helpers, lookup, each over it', () => {
    const [event] = events(
      placed(
        `{"event": "{{length (json body)}}", ${RESOURCE}, "payload": {"a": {{json (default body.missing body)}}, "b": {{json (json body)}}, "c": "{{concat (json body) "!"}}", "d": "{{lookup (json body) "text"}}", "e": "{{#each (json body)}}{{@key}}{{/each}}"}}`,
      ),
    );
    expect(event?.event).toBe('1');
    expect(event?.payload).toMatchObject({ a: BODY, b: BODY, c: `${JSON.stringify(BODY)}!`, d: JSON.stringify(BODY), e: 'text' });
    render(
      '{{json body}}|{{{json body}}}|{{#with (json body) as |j|}}{{j}}{{j.text}}{{/with}}',
      parts(JSON.stringify(BODY)).context,
    );
  });

  it('fans out with the body placed in every event', () => {
    const outcome = placed(
      `[{{#each body.items}}{"event": "item.{{id}}", ${RESOURCE}, "payload": {{json @root.body}}}{{#unless @last}},{{/unless}}{{/each}}]`,
    );
    expect(events(outcome).map((e) => e.payload)).toEqual([BODY, BODY]);
  });

  it('places what jsonParse parsed from a form field', () => {
    const form = `payload=${encodeURIComponent(JSON.stringify(BODY))}`;
    const [event] = events(
      placed(
        `{"event": "x", ${RESOURCE}, "payload": {{json (jsonParse body.payload)}}}`,
        DEFAULT_RENDER_LIMITS,
        form,
        'application/x-www-form-urlencoded',
      ),
    );
    expect(event?.payload).toEqual(BODY);
  });

  it('renders exactly the text when a placed value is charged more than its text (the bound) near the limits', () => {
    const template = `{"event": "x", ${RESOURCE}, "payload": {{json body}}}`;
    const text = JSON.stringify(BODY).length + template.length;
    // The bound (six times the body's text) passes these limits, the text does not: same events as before.
    for (const limits of [
      { ...DEFAULT_RENDER_LIMITS, maxOutputChars: text + 10 },
      { ...DEFAULT_RENDER_LIMITS, maxWorkChars: 3 * text },
    ]) {
      const placing = compileTemplate(template).placing;
      expect(() => placing?.(parts(JSON.stringify(BODY)).context, limits)).toThrow(/too much/);
      expect(events(placed(template, limits))[0]?.payload).toEqual(BODY);
    }
    // Where the text passes a limit too, the same error as before.
    const tooSmall = placed(template, { ...DEFAULT_RENDER_LIMITS, maxOutputChars: 40 });
    expect(tooSmall.ok || tooSmall.error.code).toBe('template-render-failed');
  });

  it('charges loops for their placed values: a template looping over the body is stopped as before', () => {
    const outcome = placed(
      `[{{#each body.items}}{{#each @root.body.items}}{"event": "x", ${RESOURCE}, "payload": {{json @root.body}}},{{/each}}{{/each}} {}]`,
      { ...DEFAULT_RENDER_LIMITS, maxWorkChars: 1000 },
    );
    expect(outcome.ok || outcome.error.code).toBe('template-render-failed');
  });

  it('stores the materialised text in the failure event of an invalid event', () => {
    const template = `{"event": "", ${RESOURCE}, "payload": {{json body}}}`;
    const outcome = placed(template);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('invalid-event');
      expect(outcome.failure.payload.rendered).toBe(`{"event": "", ${RESOURCE}, "payload": ${JSON.stringify(BODY)}}`);
      expect(outcome.error.rendered).not.toContain('hookgate-placed');
    }
  });

  it('keeps a __proto__ key of the body an own key where the value is placed', () => {
    const body = '{"__proto__": {"polluted": true}, "a": 1}';
    const [event] = events(
      placed(
        `{"event": "x", ${RESOURCE}, "payload": {"p": {{json body}}, "__proto__": {{json body}}}}`,
        DEFAULT_RENDER_LIMITS,
        body,
      ),
    );
    expect(Object.hasOwn(event?.payload ?? {}, '__proto__')).toBe(true);
    expect(JSON.stringify(event?.payload)).toBe(`{"p":${body.replace(/ /g, '')},"__proto__":${body.replace(/ /g, '')}}`);
  });
});
