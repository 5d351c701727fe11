/**
 * The CloudEvents spec's own examples (spec-examples/): the JSON format examples sent in structured
 * mode and in their binary-mode rendering, the batches in batch mode, and the spec's JSON schema —
 * every `examples` value accepted, every required attribute and non-empty rule enforced.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md
 */
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../helpers/hooks';
import { type ExpectedCloudEvent, expectEvents, expectInvalid, fixtureJson, withCeApp } from './harness';

interface Example {
  structured_raw: string;
  structured: Record<string, unknown> | Record<string, unknown>[];
  binary_mode?: { headers: Record<string, string>; body: string };
  note: string;
}

const { examples } = fixtureJson<{ examples: Example[] }>('spec-examples/json-format-examples.json');
const schema = fixtureJson<{
  properties: Record<string, { $ref: string; examples?: unknown[] }>;
  required: string[];
  definitions: Record<string, { minLength?: number; type: string | string[] }>;
}>('spec-examples/cloudevents.schema.json');

const XML = '<much wow="xml"/>';
const APP_INFO = { appinfoA: 'abc', appinfoB: 123, appinfoC: true };

/**
 * What each example's data becomes, by position in the file: `invalid` where the spec's example holds a
 * placeholder where base64 belongs (the fixture's `note` says so).
 */
const EXPECTED: {
  structured: ExpectedCloudEvent['data'] | 'invalid' | ExpectedCloudEvent[];
  binary?: ExpectedCloudEvent['data'];
}[] = [
  // Thrift bytes: binary mode keeps the body as base64 with its content type.
  { structured: 'invalid', binary: { data_base64: Buffer.from('...raw binary bytes...').toString('base64') } },
  { structured: { data: XML }, binary: { data: XML } },
  { structured: { data: APP_INFO }, binary: { data: APP_INFO } },
  { structured: { data: 1.5 }, binary: { data: 1.5 } },
  { structured: { data: "I'm just a string" }, binary: { data: "I'm just a string" } },
  // data_base64 without a content type is JSON: decoded into data, as the binary body is.
  { structured: { data: { xyz: 123 } }, binary: { data: { xyz: 123 } } },
  { structured: 'invalid' },
  { structured: [] },
];

/** The attributes of a JSON-format event: every member but the data, `null` ones unset. */
function attributesOf(event: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(event).filter(([name, value]) => value !== null && name !== 'data' && name !== 'data_base64'),
  );
}

/** The attributes of a binary-mode request: `ce-*` headers (as text) and Content-Type. */
function binaryAttributes(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name === 'content-type' ? 'datacontenttype' : name.replace(/^ce-/, ''),
      value,
    ]),
  );
}

const occurred = (attributes: Record<string, unknown>) => (typeof attributes.time === 'string' ? attributes.time : undefined);

describe('JSON format examples (spec-examples/json-format-examples.json)', () => {
  it('has an expectation for every example', () => {
    expect(EXPECTED).toHaveLength(examples.length);
    expect(examples.filter((example) => example.note.includes('placeholder'))).toHaveLength(
      EXPECTED.filter((expected) => expected.structured === 'invalid').length,
    );
  });

  const cases = examples.map(
    (example, index) => [`#${index + 1}`, example, EXPECTED[index] ?? { structured: 'invalid' }] as const,
  );

  it.each(cases)('%s in structured (or batch) mode', (_name, example, expected) =>
    withCeApp(async (ce) => {
      const isBatch = Array.isArray(example.structured);
      const contentType = isBatch ? 'application/cloudevents-batch+json' : 'application/cloudevents+json';
      const response = await ce.send({ headers: { 'content-type': contentType }, body: example.structured_raw });
      if (expected.structured === 'invalid') {
        await expectInvalid(ce, response, isBatch ? '[0].data_base64' : 'data_base64');
      } else if (Array.isArray(expected.structured)) {
        await expectEvents(ce, response, expected.structured);
      } else {
        const attributes = attributesOf(example.structured as Record<string, unknown>);
        await expectEvents(ce, response, [{ attributes, data: expected.structured, occurred: occurred(attributes) }]);
      }
    }),
  );

  it.each(cases.filter(([, example]) => example.binary_mode))('%s in binary mode', (_name, example, expected) =>
    withCeApp(async (ce) => {
      const { headers, body } = example.binary_mode as NonNullable<Example['binary_mode']>;
      // Bytes, so that a request without Content-Type is sent without one.
      const response = await ce.send({ headers, body: new TextEncoder().encode(body) });
      const attributes = binaryAttributes(headers);
      await expectEvents(ce, response, [{ attributes, data: expected.binary ?? {}, occurred: occurred(attributes) }]);
    }),
  );

  it.each(cases.filter(([, example, expected]) => example.binary_mode && expected.structured !== 'invalid'))(
    '%s: both renderings give the same event, but for the types binary-mode headers cannot carry',
    async (_name, example) => {
      const events: RawEvent[] = [];
      for (const init of [
        { headers: { 'content-type': 'application/cloudevents+json' }, body: example.structured_raw },
        { headers: example.binary_mode?.headers, body: new TextEncoder().encode(example.binary_mode?.body) },
      ]) {
        await withCeApp(async (ce) => {
          expect((await ce.send(init)).status).toBe(204);
          events.push(...ce.stored());
        });
      }
      expect(events).toHaveLength(2);
      const [fromStructured, fromBinary] = events.map((event) => {
        const { id, event: name, occurred: at, resource, payload } = event;
        return { id, name, at, resource, data: payload.data };
      });
      expect(fromBinary).toEqual(fromStructured);
    },
  );
});

describe('JSON schema (spec-examples/cloudevents.schema.json)', () => {
  const MINIMAL = { specversion: '1.0', id: 'A234-1234-1234', type: 'com.example.someevent', source: '/mycontext' };
  const structured = (event: unknown) => ({
    headers: { 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify(event),
  });

  const examplesByProperty = Object.entries(schema.properties).flatMap(([name, property]) =>
    (property.examples ?? []).map((value) => [`${name}: ${JSON.stringify(value)}`, name, value] as const),
  );

  it.each(examplesByProperty)('accepts the example %s', (_label, name, value) =>
    withCeApp(async (ce) => {
      const response = await ce.send(structured({ ...MINIMAL, [name]: value }));
      if (name === 'data') {
        await expectEvents(ce, response, [{ attributes: MINIMAL, data: { data: value } }]);
      } else if (name === 'data_base64') {
        // "foob" is not JSON: the bytes stay base64.
        await expectEvents(ce, response, [{ attributes: MINIMAL, data: { data_base64: value } }]);
      } else {
        const attributes = { ...MINIMAL, [name]: value };
        await expectEvents(ce, response, [{ attributes, data: {}, occurred: occurred(attributes) }]);
      }
    }),
  );

  it.each(schema.required)('requires %s', (name) =>
    withCeApp(async (ce) => {
      const { [name as keyof typeof MINIMAL]: _removed, ...event } = MINIMAL;
      const problem = await expectInvalid(ce, await ce.send(structured(event)), name);
      expect(problem.detail).toBe(`${name} is required`);
    }),
  );

  const nonEmpty = Object.entries(schema.properties)
    .filter(([, property]) => schema.definitions[property.$ref.replace('#/definitions/', '')]?.minLength === 1)
    .map(([name]) => name);

  it.each(nonEmpty)('refuses an empty %s', (name) =>
    withCeApp(async (ce) => {
      await expectInvalid(ce, await ce.send(structured({ ...MINIMAL, [name]: '' })), name);
    }),
  );
});
