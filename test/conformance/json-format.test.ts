/**
 * The CloudEvents JSON format conformance tests (conformance/format/json), every one: valid events and
 * batches must become the events the mapping rules give their "golden" sample events (implemented
 * here in code, as the format README asks); invalid ones get 400 `invalid-cloudevent` naming the attribute.
 * @see https://github.com/cloudevents/conformance/tree/format-tests/format
 */
import { describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../helpers/app';
import type { RawEvent } from '../helpers/hooks';
import { type CeApp, type ExpectedCloudEvent, expectedEvent, expectInvalid, fixtureJson, withCeApp } from './harness';

interface FormatTest {
  id: string;
  sampleId?: string;
  event?: unknown;
  batch?: unknown[];
}
interface FormatFile {
  testType: string;
  tests: FormatTest[];
}

const MINIMAL = { specversion: '1.0', id: 'minimal', type: 'io.cloudevents.test', source: 'https://cloudevents.io' };
const TIME = '2018-04-05T17:31:00Z';

/** The golden sample events of format/README.md, with the data the mapping stores. */
const SAMPLES: Record<string, ExpectedCloudEvent> = {
  minimal: { attributes: MINIMAL, data: {} },
  minimalWithTime: { attributes: { ...MINIMAL, id: 'minimalWithTime', time: TIME }, data: {}, occurred: TIME },
  minimalWithRelativeSource: { attributes: { ...MINIMAL, id: 'minimalWithRelativeSource', source: '#fragment' }, data: {} },
  allCore: {
    attributes: {
      ...MINIMAL,
      id: 'allCore',
      datacontenttype: 'text/plain',
      dataschema: 'https://cloudevents.io/dataschema',
      subject: 'tests',
      time: TIME,
    },
    data: {},
    occurred: TIME,
  },
  // The README gives this sample the id "simpleData"; the test file's event (what is sent) says "simpleTextData".
  simpleTextData: {
    attributes: { ...MINIMAL, id: 'simpleTextData', datacontenttype: 'text/plain' },
    data: { data: 'Simple text' },
  },
  allExtensionTypes: {
    attributes: {
      ...MINIMAL,
      id: 'allExtensionTypes',
      extinteger: 10,
      extboolean: true,
      extstring: 'text',
      // Binary, timestamp and URI extensions are strings in JSON: the format carries no extension types.
      extbinary: Buffer.from([77, 97]).toString('base64'),
      exttimestamp: '2023-03-31T15:12:00Z',
      exturi: 'https://cloudevents.io',
      exturiref: '//authority/path',
    },
    data: {},
  },
};

const BATCH_SAMPLES: Record<string, ExpectedCloudEvent[]> = {
  empty: [],
  minimal: [SAMPLES.minimal as ExpectedCloudEvent],
  minimal2: [SAMPLES.minimal as ExpectedCloudEvent, SAMPLES.minimal as ExpectedCloudEvent],
  minimalAndAllCore: [SAMPLES.minimal as ExpectedCloudEvent, SAMPLES.allCore as ExpectedCloudEvent],
  minimalAndAllExtensionTypes: [SAMPLES.minimal as ExpectedCloudEvent, SAMPLES.allExtensionTypes as ExpectedCloudEvent],
};

/** Where each invalid event's error must point. */
const INVALID_EVENT_ATTRIBUTE: Record<string, string> = {
  invalidNoSpecVersion: 'specversion',
  invalidNoId: 'id',
  invalidNoType: 'type',
  invalidNoSource: 'source',
  invalidTimeGarbage: 'time',
  invalidTimeToMinute: 'time',
  invalidTimeOffsetX: 'time',
  invalidTimeOffsetOutOfRange: 'time',
  invalidTimeOffsetNonInteger: 'time',
  invalidTimeOffsetHourOnly: 'time',
  invalidEmptyId: 'id',
  invalidEmptyType: 'type',
  invalidEmptySource: 'source',
  invalidEmptySpecVersion: 'specversion',
  invalidUnknownSpecVersion: 'specversion',
  invalidNonRfc2046DataContentType: 'datacontenttype',
  invalidEmptyDataContentType: 'datacontenttype',
  invalidEmptyDataSchema: 'dataschema',
  invalidEmptySubject: 'subject',
  invalidNumericId: 'id',
  invalidObjectId: 'id',
  invalidCapitalizedExtension: 'MyExtension',
  invalidPunctuatedExtension: 'my.extension',
  invalidNonIntegerExtensionValue: 'my.extension',
  invalidBothDataAndDataBase64: 'data_base64',
};

const INVALID_BATCH_LABEL: Record<string, string> = {
  invalidBatchMixedSpecVersions: '[1].specversion',
  invalidBatchContainingInvalidCloudEvent: '[0].id',
  invalidBatchContainingNonObject: '[0]',
};

const validEvents = fixtureJson<FormatFile>('conformance/format/json/valid-events.json');
const invalidEvents = fixtureJson<FormatFile>('conformance/format/json/invalid-events.json');
const validBatches = fixtureJson<FormatFile>('conformance/format/json/valid-batches.json');
const invalidBatches = fixtureJson<FormatFile>('conformance/format/json/invalid-batches.json');

const structured = (event: unknown) => ({
  headers: { 'content-type': 'application/cloudevents+json' },
  body: JSON.stringify(event),
});
const batch = (events: unknown) => ({
  headers: { 'content-type': 'application/cloudevents-batch+json' },
  body: JSON.stringify(events),
});

/** Timestamps compare as instants, to the millisecond, as the format README says. */
function instantTimes(event: Omit<RawEvent, 'received'>): Omit<RawEvent, 'received'> {
  const attributes = event.payload.cloudevents as Record<string, unknown>;
  if (typeof attributes.time !== 'string') return event;
  return {
    ...event,
    payload: { ...event.payload, cloudevents: { ...attributes, time: new Date(attributes.time).toISOString() } },
  };
}

async function expectSamples(ce: CeApp, response: Response, samples: ExpectedCloudEvent[]): Promise<void> {
  expect({ status: response.status, body: await response.text() }).toEqual({ status: 204, body: '' });
  const stored = ce.stored().map(({ received: _received, ...event }) => instantTimes(event));
  // The same CloudEvent twice (source + id) is one event: the store keeps the first.
  const unique = samples.filter((sample, index) => samples.indexOf(sample) === index);
  expect(stored).toEqual(unique.map((sample) => instantTimes(expectedEvent(ce.hook, sample))));
}

/** The events a request maps to, before the store (the dry run of `POST /api/webhooks/:id/test`). */
async function dryRun(ce: CeApp, body: unknown): Promise<{ id: string; event: string }[]> {
  const response = await ce.app.app.request(`/api/webhooks/${ce.hook.id}/test`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ headers: { 'content-type': 'application/cloudevents-batch+json' }, body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: { id: string; event: string }[] }).events;
}

describe('valid events (valid-events.json)', () => {
  it.each(validEvents.tests.map((test) => [test.id, test] as const))('%s', (_id, test) =>
    withCeApp(async (ce) => {
      const sample = SAMPLES[test.sampleId ?? ''];
      expect(sample, `golden sample ${test.sampleId}`).toBeDefined();
      await expectSamples(ce, await ce.send(structured(test.event)), [sample as ExpectedCloudEvent]);
    }),
  );
});

describe('valid batches (valid-batches.json)', () => {
  it.each(validBatches.tests.map((test) => [test.id, test] as const))('%s', (_id, test) =>
    withCeApp(async (ce) => {
      const samples = BATCH_SAMPLES[test.sampleId ?? ''];
      expect(samples, `golden batch ${test.sampleId}`).toBeDefined();
      const mapped = await dryRun(ce, test.batch);
      expect(mapped.map((event) => event.event)).toEqual((samples ?? []).map((sample) => sample.attributes.type));
      await expectSamples(ce, await ce.send(batch(test.batch)), samples as ExpectedCloudEvent[]);
    }),
  );
});

describe('invalid events (invalid-events.json)', () => {
  it('names an expected attribute for every test in the file, and for no other', () => {
    expect(Object.keys(INVALID_EVENT_ATTRIBUTE).sort()).toEqual(invalidEvents.tests.map((test) => test.id).sort());
  });

  it.each(invalidEvents.tests.map((test) => [test.id, test] as const))('%s', (_id, test) =>
    withCeApp(async (ce) => {
      const attribute = INVALID_EVENT_ATTRIBUTE[test.id] ?? '?';
      const problem = await expectInvalid(ce, await ce.send(structured(test.event)), attribute);
      expect(problem.attribute).toBe(attribute);
    }),
  );

  it.each(invalidEvents.tests.map((test) => [test.id, test] as const))('%s, as the only event of a batch', (_id, test) =>
    withCeApp(async (ce) => {
      await expectInvalid(ce, await ce.send(batch([test.event])), `[0].${INVALID_EVENT_ATTRIBUTE[test.id]}`);
    }),
  );
});

describe('invalid batches (invalid-batches.json)', () => {
  it('names an expected error for every test in the file, and for no other', () => {
    expect(Object.keys(INVALID_BATCH_LABEL).sort()).toEqual(invalidBatches.tests.map((test) => test.id).sort());
  });

  it.each(invalidBatches.tests.map((test) => [test.id, test] as const))('%s', (_id, test) =>
    withCeApp(async (ce) => {
      await expectInvalid(ce, await ce.send(batch(test.batch)), INVALID_BATCH_LABEL[test.id] ?? '?');
    }),
  );
});
