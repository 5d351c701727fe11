/**
 * The HTTP binding as hookgate reads it, below the conformance suites: content-mode detection,
 * header decoding, the data rules of each mode, spec 0.3's own attributes, and the errors' names.
 */
import { describe, expect, it } from 'vitest';
import { type CloudEvent, contentModeOf, InvalidCloudEventError, readCloudEvents } from '../../../src/core/cloudevents';
import { bodyText, parseBody } from '../../../src/core/parse-body';

const REQUIRED = { 'ce-specversion': '1.0', 'ce-id': 'e-1', 'ce-source': '/s', 'ce-type': 't' };
const MINIMAL = { specversion: '1.0', id: 'e-1', source: '/s', type: 't' };

function read(headers: Record<string, string>, body: string | Uint8Array = '') {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const message = {
    headers: new Headers(headers),
    body: bytes,
    parsed: parseBody(bodyText(bytes), headers['content-type'] ?? null),
  };
  return readCloudEvents(message);
}

const one = (headers: Record<string, string>, body?: string | Uint8Array): CloudEvent =>
  read(headers, body).events[0] as CloudEvent;
const structured = (event: unknown) => one({ 'content-type': 'application/cloudevents+json' }, JSON.stringify(event));

function errorOf(run: () => unknown): InvalidCloudEventError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidCloudEventError) return error;
    throw error;
  }
  throw new Error('expected an InvalidCloudEventError');
}

describe('content mode', () => {
  it.each([
    [{ 'content-type': 'application/cloudevents+json; charset=utf-8' }, 'structured'],
    [{ 'content-type': 'application/cloudevents+xml' }, 'structured'],
    [{ 'content-type': 'Application/CloudEvents-Batch+JSON' }, 'batch'],
    [{ 'content-type': 'application/json', 'ce-id': '1' }, 'binary'],
    [{ 'CE-SpecVersion': '1.0' }, 'binary'],
    [{ 'content-type': 'application/json' }, undefined],
    [{}, undefined],
  ])('%o is %s', (headers, mode) => {
    expect(contentModeOf(new Headers(headers))).toBe(mode);
  });
});

describe('binary mode', () => {
  it('percent-decodes header values (HTTP binding 3.1.3.2) and keeps one that does not decode', () => {
    const event = one({ ...REQUIRED, 'ce-subject': 'caf%C3%A9 %22quoted%22', 'ce-note': '100%', 'ce-ratio': ' 5 ' });
    expect(event.attributes).toMatchObject({ subject: 'café "quoted"', note: '100%', ratio: '5' });
  });

  it('every extension is text: headers carry no types', () => {
    expect(one({ ...REQUIRED, 'ce-count': '5', 'ce-flag': 'true' }).attributes).toMatchObject({ count: '5', flag: 'true' });
  });

  it.each<[string, Record<string, string>, string | Uint8Array, Partial<CloudEvent>]>([
    ['JSON', { 'content-type': 'application/json' }, '{"a": [1]}', { data: { a: [1] } }],
    ['a +json type', { 'content-type': 'application/vnd.api+json' }, '"x"', { data: 'x' }],
    ['text', { 'content-type': 'text/plain' }, 'hi\n', { data: 'hi\n' }],
    [
      'text in its charset',
      { 'content-type': 'text/plain; charset=iso-8859-1' },
      new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      { data: 'café' },
    ],
    ['XML', { 'content-type': 'application/atom+xml' }, '<feed/>', { data: '<feed/>' }],
    ['bytes', { 'content-type': 'application/octet-stream' }, new Uint8Array([1, 2, 3]), { data_base64: 'AQID' }],
    ['text that is not UTF-8', { 'content-type': 'text/plain' }, new Uint8Array([0xff, 0xfe]), { data_base64: '//4=' }],
    ['no content type, JSON', {}, new TextEncoder().encode('{"b": true}'), { data: { b: true } }],
    ['no content type, text', {}, new TextEncoder().encode('plain words'), { data: 'plain words' }],
    ['no content type, bytes', {}, new Uint8Array([0xff, 0x00]), { data_base64: '/wA=' }],
    ['no body', { 'content-type': 'text/plain' }, '', {}],
  ])('data: %s', (_name, headers, body, expected) => {
    const { attributes: _attributes, ...data } = one({ ...REQUIRED, ...headers }, body);
    expect(data).toEqual(expected);
  });

  it('takes datacontenttype from Content-Type, and from a stray ce-datacontenttype only without one', () => {
    expect(
      one({ ...REQUIRED, 'content-type': 'text/plain', 'ce-datacontenttype': 'text/csv' }, 'x').attributes.datacontenttype,
    ).toBe('text/plain');
    expect(one({ ...REQUIRED, 'ce-datacontenttype': 'text/csv' }, new Uint8Array([0x61])).attributes.datacontenttype).toBe(
      'text/csv',
    );
  });

  it.each([
    [{ ...REQUIRED, 'ce-my-ext': 'x' }, 'ce-my-ext is not a valid attribute name'],
    [{ ...REQUIRED, 'ce-data': 'x' }, 'ce-data is not an attribute name: the data is the body'],
    [{ ...REQUIRED, 'ce-time': 'yesterday' }, 'ce-time must be an RFC 3339 timestamp'],
    [{ ...REQUIRED, 'ce-specversion': '0.9' }, 'ce-specversion "0.9" is not a supported spec version'],
    [{ ...REQUIRED, 'ce-source': 'has space' }, 'ce-source must be a URI-reference'],
    [{ ...REQUIRED, 'content-type': 'json' }, 'Content-Type must be a media type'],
  ])('%o: %s', (headers, detail) => {
    expect(errorOf(() => read(headers, 'x')).detail).toContain(detail);
  });
});

describe('structured mode', () => {
  it('leaves attributes sent as null unset, and treats "data": null as no data', () => {
    expect(structured({ ...MINIMAL, subject: null, ext: null, data: null })).toEqual({ attributes: MINIMAL });
  });

  it.each<[string, Record<string, unknown>, Partial<CloudEvent>]>([
    [
      'JSON in data_base64 is decoded',
      { datacontenttype: 'application/json', data_base64: btoa('{"n": 1}') },
      { data: { n: 1 } },
    ],
    ['untyped JSON in data_base64 is decoded', { data_base64: btoa('[1, 2]') }, { data: [1, 2] }],
    [
      'other data_base64 is kept',
      { datacontenttype: 'text/plain', data_base64: btoa('{"n": 1}') },
      { data_base64: btoa('{"n": 1}') },
    ],
    ['base64 that is not JSON is kept', { datacontenttype: 'application/json', data_base64: 'AQID' }, { data_base64: 'AQID' }],
    ['data_base64: null leaves data', { data_base64: null, data: 'text' }, { data: 'text' }],
  ])('%s', (_name, members, expected) => {
    const { attributes: _attributes, ...data } = structured({ ...MINIMAL, ...members });
    expect(data).toEqual(expected);
  });

  it.each([
    [{ data_base64: 'not base64!' }, 'data_base64 must be base64 text'],
    [{ data_base64: 12 }, 'data_base64 must be base64 text (RFC 4648), got a number'],
    [{ data: 1, data_base64: 'AQID' }, 'data and data_base64 are both present'],
    [{ ext: { nested: true } }, 'ext must be a string, a boolean or an integer, got an object'],
    [{ ext: [1] }, 'ext must be a string, a boolean or an integer, got an array'],
    [{ ext: 2 ** 31 }, 'ext must be an integer from -2147483648 to 2147483647'],
    [{ ext: 0.5 }, 'ext must be an integer'],
    [{ 'ext-1': 'x' }, 'ext-1 is not a valid attribute name'],
    [{ time: '2026-02-30T00:00:00Z' }, 'time must be an RFC 3339 timestamp'],
    [{ dataschema: 'relative/schema' }, 'dataschema must be an absolute URI'],
  ])('%o: %s', (members, detail) => {
    expect(errorOf(() => structured({ ...MINIMAL, ...members })).detail).toContain(detail);
  });

  it('a "__proto__" member is an invalid attribute name, and changes no prototype', () => {
    const error = errorOf(() =>
      read(
        { 'content-type': 'application/cloudevents+json' },
        '{"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "__proto__": {"polluted": "yes"}}',
      ),
    );
    expect(error.detail).toBe('__proto__ is not a valid attribute name: names are lower-case letters (a-z) and digits (0-9)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('spec 0.3', () => {
  const V03 = { ...MINIMAL, specversion: '0.3' };

  it('has schemaurl and datacontentencoding as attributes, and maps as extensions', () => {
    const event = structured({ ...V03, schemaurl: 'schemas/order.json', ext: { region: 'eu' }, data: 'x' });
    expect(event).toEqual({ attributes: { ...V03, schemaurl: 'schemas/order.json', ext: { region: 'eu' } }, data: 'x' });
  });

  it('reads base64 data marked by datacontentencoding: decoded when JSON, else kept', () => {
    expect(
      structured({ ...V03, datacontentencoding: 'base64', datacontenttype: 'application/json', data: btoa('{"n":1}') }).data,
    ).toEqual({
      n: 1,
    });
    expect(
      structured({ ...V03, datacontentencoding: 'base64', datacontenttype: 'image/png', data: 'iVBORw0K' }).data_base64,
    ).toBe('iVBORw0K');
  });

  it.each([
    [{ data_base64: 'AQID' }, 'data_base64 is not a valid attribute name'],
    [{ schemaurl: '' }, 'schemaurl must not be empty'],
    [{ datacontentencoding: 'base64', data: '%%%' }, 'data must be base64 text'],
    [{ source: '' }, 'source must not be empty'],
    [{ time: '2018-04-05T17:31Z' }, 'time must be an RFC 3339 timestamp'],
  ])('%o: %s', (members, detail) => {
    expect(errorOf(() => structured({ ...V03, ...members })).detail).toContain(detail);
  });
});

describe('batch mode', () => {
  const batch = (events: unknown) => read({ 'content-type': 'application/cloudevents-batch+json' }, JSON.stringify(events));

  it('reads every event, in order', () => {
    expect(batch([MINIMAL, { ...MINIMAL, id: 'e-2', specversion: '0.3' }]).events.map((event) => event.attributes.id)).toEqual([
      'e-1',
      'e-2',
    ]);
  });

  it('names the event at fault by its index', () => {
    const error = errorOf(() => batch([MINIMAL, MINIMAL, { ...MINIMAL, type: 7 }]));
    expect(error.detail).toBe('[2].type must be a string, got a number');
    expect(error.extras).toEqual({ attribute: 'type' });
  });
});

it('a request that is not a CloudEvent is refused, naming specversion and the three ways to send one', () => {
  const error = errorOf(() => read({ 'content-type': 'application/json' }, '{}'));
  expect(error).toMatchObject({ status: 400, code: 'invalid-cloudevent', extras: { attribute: 'specversion' } });
  expect(error.detail).toMatch(/^specversion is missing: the request is not a CloudEvent/);
  expect(error.detail).toContain('application/cloudevents+json');
  expect(error.detail).toContain('application/cloudevents-batch+json');
});
