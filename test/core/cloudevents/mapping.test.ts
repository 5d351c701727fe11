/** The event a CloudEvent becomes (DESIGN §3.3), field by field, from a parsed CloudEvent. */
import { describe, expect, it } from 'vitest';
import { cloudEventId, eventFromCloudEvent } from '../../../src/core/map/cloudevents';

const ATTRIBUTES = { specversion: '1.0', id: 'minimal', type: 'io.cloudevents.test', source: 'https://cloudevents.io' };

describe('eventFromCloudEvent', () => {
  it('id: UUIDv5 in the URL namespace of "<source> <id>" (value from Python’s uuid.uuid5)', () => {
    expect(cloudEventId('https://cloudevents.io', 'minimal')).toBe('c65b390e-69b4-5186-ac48-afed648cae57');
    expect(cloudEventId('/mycontext/subcontext', '4321-4321-4321')).toBe('46a8ea08-e910-51ca-ade9-b23e6218046b');
    expect(eventFromCloudEvent({ attributes: ATTRIBUTES }).id).toBe('c65b390e-69b4-5186-ac48-afed648cae57');
  });

  it('id: the CloudEvent id itself when it is a UUID', () => {
    const id = 'A234E2C3-1234-4234-9234-123456789ABC';
    expect(eventFromCloudEvent({ attributes: { ...ATTRIBUTES, id } }).id).toBe(id);
  });

  it('event = type, resource = source, no occurred (receipt time is the default), payload = attributes', () => {
    expect(eventFromCloudEvent({ attributes: ATTRIBUTES })).toEqual({
      id: 'c65b390e-69b4-5186-ac48-afed648cae57',
      event: 'io.cloudevents.test',
      resource: { 'prefect.resource.id': 'https://cloudevents.io' },
      payload: { cloudevents: ATTRIBUTES },
    });
  });

  it('resource = subject when there is one, occurred = time, data beside the attributes', () => {
    const attributes = { ...ATTRIBUTES, subject: 'tests', time: '2018-04-05T18:31:00+01:00' };
    expect(eventFromCloudEvent({ attributes, data: { n: 1 } })).toMatchObject({
      occurred: '2018-04-05T18:31:00+01:00',
      resource: { 'prefect.resource.id': 'tests' },
      payload: { data: { n: 1 }, cloudevents: attributes },
    });
    expect(eventFromCloudEvent({ attributes, data_base64: 'AQID' }).payload).toEqual({
      data_base64: 'AQID',
      cloudevents: attributes,
    });
  });
});
