/**
 * Real GitHub payloads (../shared/fixtures) sent over real HTTP with GitHub’s headers to a webhook
 * mapped by one readable template (test/fixtures/templates/github.hbs): each delivery becomes exactly
 * the expected event, stored once however often it is redelivered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryEventId } from '../../src/lib/ids';
import { template, useServedFixtures } from '../helpers/fixture-delivery';
import { type CreatedWebhook, createWebhook, webhookResource } from '../helpers/hooks';

const fixtures = useServedFixtures();
const { deliver, expectDelivered, storedFor } = fixtures;

describe('GitHub (one template for every event)', () => {
  let github: CreatedWebhook;
  const PUSH_DELIVERY = '9f1c2a30-7b1e-11ee-8f4a-6a1f0c2e5d11';
  const PR_DELIVERY = 'a83d4e52-7b1e-11ee-9c3b-0e7d6f1a2b33';

  beforeAll(async () => {
    github = await createWebhook(fixtures.served.base, {
      name: 'GitHub Codertocat/Hello-World',
      mapping: { kind: 'template', template: template('github') },
      idFrom: 'header:x-github-delivery',
    });
    expect(github.url).toBe(`${fixtures.served.base}/hooks/${github.slug}`);
  });

  it('maps a push to github.push on the repository', async () => {
    await expectDelivered(await deliver(github, 'github/push/default.json', { 'X-GitHub-Delivery': PUSH_DELIVERY }));
    const [event, ...others] = await storedFor(github);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      id: deliveryEventId(github.id, PUSH_DELIVERY, 0),
      event: 'github.push',
      occurred: '2019-05-15T15:20:57Z',
      resource: {
        'prefect.resource.id': 'github.repository.Codertocat/Hello-World',
        'prefect.resource.name': 'Codertocat/Hello-World',
        'github.url': 'https://github.com/Codertocat/Hello-World',
        'github.delivery': PUSH_DELIVERY,
      },
      related: [
        {
          'prefect.resource.id': 'github.user.Codertocat',
          'prefect.resource.role': 'sender',
          'prefect.resource.name': 'Codertocat',
        },
        webhookResource(github),
      ],
      payload: {
        ref: 'refs/tags/simple-tag',
        before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        after: '0000000000000000000000000000000000000000',
        deleted: true,
        commits: 0,
        pusher: { name: 'Codertocat', email: '21031067+Codertocat@users.noreply.github.com' },
      },
    });
    expect(Object.keys(event?.resource ?? {})).toHaveLength(4);
    expect(Object.keys(event?.payload ?? {})).toHaveLength(6);
  });

  it('stores a redelivered push once', async () => {
    await expectDelivered(await deliver(github, 'github/push/default.json', { 'X-GitHub-Delivery': PUSH_DELIVERY }));
    expect((await storedFor(github)).map((event) => event.event)).toEqual(['github.push']);
  });

  it('maps pull_request.opened with the pull request as related resource', async () => {
    await expectDelivered(await deliver(github, 'github/pull_request/opened.json', { 'X-GitHub-Delivery': PR_DELIVERY }));
    const events = await storedFor(github);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      id: deliveryEventId(github.id, PR_DELIVERY, 0),
      event: 'github.pull_request.opened',
      occurred: '2019-05-15T15:20:33Z',
      received: events[1]?.received,
      follows: null,
      resource: {
        'prefect.resource.id': 'github.repository.Codertocat/Hello-World',
        'prefect.resource.name': 'Codertocat/Hello-World',
        'github.url': 'https://github.com/Codertocat/Hello-World',
        'github.delivery': PR_DELIVERY,
      },
      related: [
        {
          'prefect.resource.id': 'github.pull_request.Codertocat/Hello-World.2',
          'prefect.resource.role': 'pull-request',
          'prefect.resource.name': 'Update the README with new information.',
          'github.head': 'changes',
          'github.base': 'master',
        },
        {
          'prefect.resource.id': 'github.user.Codertocat',
          'prefect.resource.role': 'sender',
          'prefect.resource.name': 'Codertocat',
        },
        webhookResource(github),
      ],
      payload: {
        number: 2,
        title: 'Update the README with new information.',
        draft: false,
        labels: ['bug'],
        changes: { additions: 1, deletions: 1 },
      },
    });
  });
});
