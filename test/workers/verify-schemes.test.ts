/**
 * The asymmetric and certificate schemes inside workerd, whose Web Crypto differs from Node's:
 * ECDSA P-256 (SendGrid's published vector), RSA PKCS#1 v1.5 over SHA-1 and SHA-256 with a
 * certificate's public key (Amazon SNS; the certificate served by a local fetch) and HS256 JWS (Netlify).
 */
import { describe, expect, it } from 'vitest';
import type { ReceivedRequest } from '../../src/core/receive';
import { verify } from '../../src/core/verify';
import { createCertificateSource } from '../../src/core/verify/certificates';
import { snsStringToSign } from '../../src/core/verify/sns';
import { VerifyError } from '../../src/lib/errors';
import snsCert from '../fixtures/aws-sns/signing-cert.pem?raw';
import snsKey from '../fixtures/aws-sns/signing-key.pem?raw';

const encoder = new TextEncoder();

function request(body: string, headers: Record<string, string>, receivedAt: number): ReceivedRequest {
  return {
    method: 'POST',
    url: new URL('https://hookgate.test/hooks/x'),
    headers: new Headers(headers),
    body: encoder.encode(body),
    receivedAt,
  };
}

const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function refused(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof VerifyError) return error.code;
    throw error;
  }
}

describe('verification schemes in workerd', () => {
  it('sendgrid: the published ECDSA vector verifies; a changed body does not', async () => {
    const settings = {
      scheme: 'sendgrid' as const,
      publicKeys: [
        'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==',
      ],
      toleranceSeconds: 300,
    };
    const headers = {
      'x-twilio-email-event-webhook-signature':
        'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=',
      'x-twilio-email-event-webhook-timestamp': '1588788367',
    };
    const body = JSON.stringify({ category: 'example_payload', event: 'test_event', message_id: 'message_id' });
    expect(await refused(verify(settings, request(body, headers, 1588788367_000)))).toBe('accepted');
    expect(await refused(verify(settings, request('payload', headers, 1588788367_000)))).toBe('signature-mismatch');
  });

  it.each(['1', '2'] as const)(
    'aws-sns: a SignatureVersion %s message verifies with the certificate; a tampered one does not',
    async (version) => {
      const pkcs8 = Uint8Array.from(atob(snsKey.replace(/-----[^-]+-----|\s+/g, '')), (c) => c.charCodeAt(0));
      const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: version === '1' ? 'SHA-1' : 'SHA-256' };
      const key = await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
      const fields = {
        Type: 'Notification',
        MessageId: 'm-1',
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
        Message: 'hello',
        Timestamp: '2026-03-27T12:00:00.000Z',
      };
      const signed = snsStringToSign(fields) ?? '';
      const signature = base64(await crypto.subtle.sign(algorithm, key, encoder.encode(signed)));
      const message = {
        ...fields,
        SignatureVersion: version,
        Signature: signature,
        SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem',
      };
      const certificates = createCertificateSource(async () => snsCert);
      const settings = { scheme: 'aws-sns' as const };
      const at = Date.parse('2026-03-27T12:00:01Z');
      expect(await refused(verify(settings, request(JSON.stringify(message), {}, at), { certificates }))).toBe('accepted');
      const tampered = JSON.stringify({ ...message, Message: 'hellO' });
      expect(await refused(verify(settings, request(tampered, {}, at), { certificates }))).toBe('signature-mismatch');
    },
  );

  it('netlify: an HS256 JWS with the body hash verifies; another body does not', async () => {
    const secret = 'netlify-jws-secret';
    const body = '{"id":"d1","state":"ready"}';
    const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(body)))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    const head = base64url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
    const claims = base64url(encoder.encode(JSON.stringify({ iss: 'netlify', sha256: hash })));
    const hmacKey = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const jws = `${head}.${claims}.${base64url(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(`${head}.${claims}`)))}`;
    const settings = { scheme: 'netlify' as const, secrets: [secret] };
    expect(await refused(verify(settings, request(body, { 'x-webhook-signature': jws }, Date.now())))).toBe('accepted');
    expect(await refused(verify(settings, request('{"id":"d2"}', { 'x-webhook-signature': jws }, Date.now())))).toBe(
      'signature-mismatch',
    );
  });
});
