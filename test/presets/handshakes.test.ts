/**
 * The handshakes of issue 19's presets, through the live endpoint: Dropbox's unsigned challenge
 * GET, Okta's one-time verification GET (carrying the shared secret), Asana's X-Hook-Secret and
 * Notion's verification token (secrets learned in a handshake, kept once), and Amazon SNS's
 * certificate-signed messages with the certificate fetch replaced by a local one (no network).
 */
import { createHmac, createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';
import { createdWebhook } from '../helpers/webhooks-api';
import { createUiClient } from '../ui/ui-client';

const NOW = '2026-03-27T12:00:00Z';
const SNS_CERT = readFileSync(new URL('../fixtures/aws-sns/signing-cert.pem', import.meta.url), 'utf8');
const SNS_KEY = readFileSync(new URL('../fixtures/aws-sns/signing-key.pem', import.meta.url), 'utf8');
const CERT_URL = 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-test.pem';

/** The documented test seam: the app's certificate fetch, answering locally and recording what was asked. */
const fetched: string[] = [];
async function localCertificateFetch(url: URL): Promise<string> {
  fetched.push(url.href);
  return SNS_CERT;
}

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ now: () => Date.parse(NOW), fetchCertificate: localCertificateFetch });
});
afterAll(() => t.close());

async function createFromPreset(preset: string, verify: Record<string, unknown> = {}) {
  return createdWebhook<{ verify: Record<string, unknown> }>(t, { name: preset, preset, verify });
}

const hook = (slug: string, init: RequestInit = {}) => t.app.request(`/hooks/${slug}`, init);
const hmacHex = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');

describe('dropbox: the challenge GET', () => {
  it('echoes `challenge` as text/plain with nosniff, unsigned, and stores nothing', async () => {
    const webhook = await createFromPreset('dropbox', { secrets: ['app-secret'] });
    const response = await hook(`${webhook.slug}?challenge=Q2hhbGxlbmdl-123`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('Q2hhbGxlbmdl-123');
    expect(eventsOf(t.dbFile, webhook)).toEqual([]);
  });

  it('verifies notifications with X-Dropbox-Signature, and refuses a tampered body', async () => {
    const webhook = await createFromPreset('dropbox', { secrets: ['app-secret'] });
    const body = JSON.stringify({ list_folder: { accounts: ['dbid:A'] }, delta: { users: [1] } });
    const send = (sent: string) =>
      hook(webhook.slug, { method: 'POST', headers: { 'x-dropbox-signature': hmacHex('app-secret', body) }, body: sent });
    expect((await send(body.replace('dbid:A', 'dbid:B'))).status).toBe(401);
    expect((await send(body)).status).toBe(204);
    expect(eventsOf(t.dbFile, webhook).map((event) => event.event)).toEqual(['dropbox.files.changed']);
  });
});

describe('okta: the one-time verification GET', () => {
  it('answers {"verification": <challenge>} when the shared secret is right, 401 otherwise', async () => {
    const webhook = await createFromPreset('okta', { secrets: ['okta-shared-secret'] });
    const ask = (authorization: string) =>
      hook(webhook.slug, { headers: { authorization, 'x-okta-verification-challenge': 'fPHCHvqaOdMNJqLgQ3VwqL' } });
    const good = await ask('okta-shared-secret');
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ verification: 'fPHCHvqaOdMNJqLgQ3VwqL' });
    expect((await ask('wrong')).status).toBe(401);
    expect(eventsOf(t.dbFile, webhook)).toEqual([]);
  });
});

describe('asana: the X-Hook-Secret handshake', () => {
  const delivery = JSON.stringify({
    events: [{ user: { gid: '1' }, created_at: NOW, action: 'added', resource: { gid: '2', resource_type: 'task' } }],
  });

  it('refuses deliveries before the handshake, keeps the secret it sends, and verifies with it', async () => {
    const webhook = await createFromPreset('asana');
    const signed = (secret: string, body = delivery) =>
      hook(webhook.slug, { method: 'POST', headers: { 'x-hook-signature': hmacHex(secret, body) }, body });

    const early = await signed('anything');
    expect(early.status).toBe(401);
    expect(((await early.json()) as { code: string }).code).toBe('secret-not-learned');

    const handshake = await hook(webhook.slug, { method: 'POST', headers: { 'x-hook-secret': 'asana-sent-secret-0001' } });
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('x-hook-secret')).toBe('asana-sent-secret-0001');
    expect(await handshake.text()).toBe('');

    const shown = (await (await t.api(`/api/webhooks/${webhook.id}`)).text()) as string;
    expect(shown).not.toContain('asana-sent-secret-0001');
    expect(shown).toContain('secretHints');

    expect((await signed('asana-sent-secret-0001', delivery.replace('added', 'removed'))).status).toBe(204);
    const tampered = await hook(webhook.slug, {
      method: 'POST',
      headers: { 'x-hook-signature': hmacHex('asana-sent-secret-0001', delivery) },
      body: delivery.replace('"2"', '"3"'),
    });
    expect(tampered.status).toBe(401);
    expect(eventsOf(t.dbFile, webhook).map((event) => event.event)).toEqual(['asana.task.removed']);
  });

  it('keeps the first secret: a second handshake is 409 and changes nothing', async () => {
    const webhook = await createFromPreset('asana');
    const shake = (secret: string) => hook(webhook.slug, { method: 'POST', headers: { 'x-hook-secret': secret } });
    expect((await shake('first-secret-0001')).status).toBe(200);
    const again = await shake('second-secret-0002');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('secret-already-set');
    const body = JSON.stringify({ events: [] });
    const send = (secret: string) =>
      hook(webhook.slug, { method: 'POST', headers: { 'x-hook-signature': hmacHex(secret, body) }, body });
    expect((await send('first-secret-0001')).status).toBe(204);
    expect((await send('second-secret-0002')).status).toBe(401);
  });
});

describe('notion: the verification token', () => {
  it('keeps the token as the secret, shows it once as notion.verification.received, then verifies with it', async () => {
    const webhook = await createFromPreset('notion');
    const token = 'secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl';
    const first = await hook(webhook.slug, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verification_token: token }),
    });
    expect(first.status).toBe(204);
    const [verification] = eventsOf(t.dbFile, webhook);
    expect(verification?.event).toBe('notion.verification.received');
    expect(verification?.payload).toEqual({ verification_token: token });

    const body = JSON.stringify({ id: 'e1', type: 'page.deleted', entity: { id: 'p1', type: 'page' }, workspace_id: 'w1' });
    const send = (sent: string, secret = token) =>
      hook(webhook.slug, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-notion-signature': `sha256=${hmacHex(secret, body)}` },
        body: sent,
      });
    expect((await send(body.replace('p1', 'p2'))).status).toBe(401);
    expect(await send(body, 'another-token')).toHaveProperty('status', 401);
    expect((await send(body)).status).toBe(204);
    expect(eventsOf(t.dbFile, webhook).map((event) => event.event)).toEqual([
      'notion.verification.received',
      'notion.page.deleted',
    ]);
  });
});

describe('aws-sns: certificate-signed messages', () => {
  const TOPIC = 'arn:aws:sns:us-west-2:123456789012:MyTopic';

  /** A message signed as SNS does: the fields as `name\nvalue\n` lines, RSA over SHA-1 (v1) or SHA-256 (v2). */
  function snsMessage(fields: Record<string, string>, version: '1' | '2' = '1', certUrl = CERT_URL) {
    const order =
      fields.Type === 'Notification'
        ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
        : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
    const text = order
      .filter((name) => fields[name] !== undefined)
      .map((name) => `${name}\n${fields[name]}\n`)
      .join('');
    const signature = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256')
      .update(text)
      .sign(SNS_KEY, 'base64');
    return JSON.stringify({ ...fields, SignatureVersion: version, Signature: signature, SigningCertURL: certUrl });
  }

  const notification = (id: string) => ({
    Type: 'Notification',
    MessageId: id,
    TopicArn: TOPIC,
    Subject: 'Hello',
    Message: '{"order": 42}',
    Timestamp: '2026-03-27T11:59:58.000Z',
  });
  const post = (slug: string, body: string) =>
    hook(slug, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
      body,
    });

  it('verifies v1 and v2 signatures with the certificate, fetched once from sns.<region>.amazonaws.com', async () => {
    const webhook = await createFromPreset('aws-sns', { topicArns: [TOPIC] });
    fetched.length = 0;
    expect((await post(webhook.slug, snsMessage(notification('m-1'), '1'))).status).toBe(204);
    expect((await post(webhook.slug, snsMessage(notification('m-2'), '2'))).status).toBe(204);
    expect(fetched).toEqual([CERT_URL]);
    const events = eventsOf(t.dbFile, webhook);
    expect(events.map((event) => [event.event, event.resource['prefect.resource.id'], event.occurred])).toEqual([
      ['aws-sns.topic.notification', `aws-sns.topic.${TOPIC}`, '2026-03-27T11:59:58Z'],
      ['aws-sns.topic.notification', `aws-sns.topic.${TOPIC}`, '2026-03-27T11:59:58Z'],
    ]);
  });

  it('refuses a tampered message, another topic, and a certificate anywhere but sns.<region>.amazonaws.com over https', async () => {
    const webhook = await createFromPreset('aws-sns', { topicArns: [TOPIC] });
    fetched.length = 0;
    const tampered = snsMessage(notification('m-3')).replace('{\\"order\\": 42}', '{\\"order\\": 43}');
    expect(tampered).toContain('43');
    const codes = async (body: string) => ((await (await post(webhook.slug, body)).json()) as { code: string }).code;
    expect(await codes(tampered)).toBe('signature-mismatch');
    expect(await codes(snsMessage({ ...notification('m-4'), TopicArn: 'arn:aws:sns:us-west-2:123456789012:Other' }))).toBe(
      'topic-not-allowed',
    );
    for (const url of [
      'https://sns.us-west-2.amazonaws.com.evil.example/cert.pem',
      'http://sns.us-west-2.amazonaws.com/cert.pem',
      'https://evil.example/sns.us-west-2.amazonaws.com/cert.pem',
      'https://sns.us-west-2.amazonaws.com:8443/cert.pem',
    ]) {
      expect(await codes(snsMessage(notification('m-5'), '1', url))).toBe('certificate-url-refused');
    }
    expect(fetched.every((url) => url === CERT_URL)).toBe(true);
    expect(eventsOf(t.dbFile, webhook)).toEqual([]);
  });

  it('stores a SubscriptionConfirmation with its SubscribeURL, a link on the event page (one click)', async () => {
    const webhook = await createFromPreset('aws-sns');
    const subscribeUrl = `https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=abc`;
    const body = snsMessage({
      Type: 'SubscriptionConfirmation',
      MessageId: 'c-1',
      Token: 'abc',
      TopicArn: TOPIC,
      Message: 'You have chosen to subscribe to the topic.',
      SubscribeURL: subscribeUrl,
      Timestamp: '2026-03-27T11:59:00.000Z',
    });
    expect((await post(webhook.slug, body)).status).toBe(204);
    const [event] = eventsOf(t.dbFile, webhook);
    expect(event?.event).toBe('aws-sns.topic.subscription-confirmation');
    expect(event?.resource['aws-sns.subscribe-url']).toBe(subscribeUrl);

    const ui = createUiClient((request) => t.app.fetch(request));
    await ui.signIn(TEST_TOKEN);
    const page = await (await ui.request(`/ui/events/${event?.id}`)).text();
    expect(page).toContain(`<a href="${subscribeUrl.replaceAll('&', '&amp;')}" target="_blank" rel="noopener noreferrer">`);
  });

  it('fails closed without a certificate fetch', async () => {
    const bare = createTestApp({ now: () => Date.parse(NOW) });
    try {
      const created = await bare.api('/api/webhooks', { method: 'POST', json: { name: 'sns', preset: 'aws-sns' } });
      const { slug } = (await created.json()) as { slug: string };
      const response = await bare.app.request(`/hooks/${slug}`, { method: 'POST', body: snsMessage(notification('m-6')) });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe('certificate-unavailable');
    } finally {
      await bare.close();
    }
  });
});
