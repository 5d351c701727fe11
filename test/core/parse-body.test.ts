import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/core/parse-body';
import { MAX_JSON_DEPTH } from '../../src/schemas/json';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('body parsing', () => {
  it('parses JSON bodies up to the nesting limit', () => {
    expect(parseBody(nested(MAX_JSON_DEPTH), 'application/json').ok).toBe(true);
  });

  it('refuses JSON nested deeper than the limit, saying so', () => {
    const parsed = parseBody(nested(MAX_JSON_DEPTH + 1), 'application/json');
    expect(parsed).toEqual({
      ok: false,
      reason: `the body is declared as application/json but nests deeper than ${MAX_JSON_DEPTH} levels`,
    });
    expect(parseBody(nested(100_000), 'application/cloudevents+json').ok).toBe(false);
  });

  it('keeps deep JSON of another content type as text, as any text that is not usable JSON', () => {
    const text = nested(5000);
    expect(parseBody(text, 'text/plain')).toEqual({ ok: true, value: text });
  });
});
