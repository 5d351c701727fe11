/**
 * The pieces behind certificate and ECDSA schemes: DER reading (ECDSA signatures, a certificate's
 * public key), which certificate URLs may be fetched, and the bounded certificate cache.
 */
import { createPublicKey, createSign, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowedCertificateUrl, createCertificateSource, pemCertificate } from '../../../src/core/verify/certificates';
import { certificateSpki, ecdsaDerToRaw } from '../../../src/core/verify/der';
import { SNS_RECIPE } from '../../../src/core/verify/sns';
import { VerifyError } from '../../../src/lib/errors';

const CERT = readFileSync(new URL('../../fixtures/aws-sns/signing-cert.pem', import.meta.url), 'utf8');
const HOST = SNS_RECIPE.allowedHost;

async function code(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return 'ok';
  } catch (error) {
    return error instanceof VerifyError ? error.code : String(error);
  }
}

describe('der', () => {
  it('turns DER ECDSA signatures into r || s, the form Web Crypto verifies', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const key = await crypto.subtle.importKey(
      'spki',
      publicKey.export({ type: 'spki', format: 'der' }),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    for (let i = 0; i < 20; i++) {
      const data = new TextEncoder().encode(`message ${i}`);
      const der = createSign('sha256').update(data).sign(privateKey);
      const raw = ecdsaDerToRaw(new Uint8Array(der), 32);
      expect(raw?.length).toBe(64);
      expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, raw as Uint8Array<ArrayBuffer>, data)).toBe(
        true,
      );
    }
  });

  it.each([
    ['empty', []],
    ['not a sequence', [0x02, 0x01, 0x01]],
    ['one integer', [0x30, 0x03, 0x02, 0x01, 0x01]],
    ['trailing bytes', [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00]],
    ['length past the end', [0x30, 0x7f, 0x02, 0x01]],
    ['an integer too large', [0x30, 0x25, 0x02, 0x21, 0x01, ...new Array(32).fill(1), 0x02, 0x00]],
  ])('refuses a malformed signature (%s)', (_label, bytes) => {
    expect(ecdsaDerToRaw(new Uint8Array(bytes), 32)).toBeUndefined();
  });

  it("reads a certificate's public key (SubjectPublicKeyInfo) as node:crypto does", () => {
    const der = pemCertificate(CERT);
    expect(der).toBeDefined();
    const expected = new X509Certificate(CERT).publicKey.export({ type: 'spki', format: 'der' });
    expect(Buffer.from(certificateSpki(der as Uint8Array) ?? [])).toEqual(expected);
    expect(
      createPublicKey({ key: Buffer.from(certificateSpki(der as Uint8Array) ?? []), format: 'der', type: 'spki' })
        .asymmetricKeyType,
    ).toBe('rsa');
    expect(certificateSpki(new Uint8Array([0x30, 0x00]))).toBeUndefined();
  });
});

describe('allowedCertificateUrl', () => {
  it.each([
    ['https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem', true],
    ['https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem', true],
    ['http://sns.us-east-1.amazonaws.com/cert.pem', false],
    ['https://sns.us-east-1.amazonaws.com:8443/cert.pem', false],
    ['https://user:pw@sns.us-east-1.amazonaws.com/cert.pem', false],
    ['https://sns.us-east-1.amazonaws.com.evil.example/cert.pem', false],
    ['https://evilsns.us-east-1.amazonaws.com/cert.pem', false],
    ['https://s3.amazonaws.com/sns.us-east-1.amazonaws.com/cert.pem', false],
    ['https://sns.us-east-1.amazonaws.com/cert.txt', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(allowedCertificateUrl(url, HOST) !== undefined).toBe(allowed);
  });
});

describe('createCertificateSource', () => {
  const url = (n: number) => `https://sns.us-east-1.amazonaws.com/cert-${n}.pem`;

  it('fetches each certificate once, keeps a bounded number, and never fetches a refused URL', async () => {
    const asked: string[] = [];
    const source = createCertificateSource(async (u) => {
      asked.push(u.pathname);
      return CERT;
    }, 2);
    await source(url(1), HOST);
    await source(url(1), HOST);
    await source(url(2), HOST);
    await source(url(3), HOST); // pushes cert-1 out
    await source(url(1), HOST);
    expect(asked).toEqual(['/cert-1.pem', '/cert-2.pem', '/cert-3.pem', '/cert-1.pem']);
    expect(await code(() => source('https://example.com/cert.pem', HOST))).toBe('certificate-url-refused');
    expect(asked).toHaveLength(4);
  });

  it('fails closed on a fetch that fails (and tries again next time), or on something that is not a certificate', async () => {
    let calls = 0;
    const failing = createCertificateSource(async () => {
      calls++;
      throw new Error('network down');
    });
    expect(await code(failing(url(1), HOST))).toBe('certificate-unavailable');
    expect(await code(failing(url(1), HOST))).toBe('certificate-unavailable');
    expect(calls).toBe(2);
    expect(await code(createCertificateSource(async () => 'hello')(url(1), HOST))).toBe('certificate-unusable');
    expect(await code(createCertificateSource(async () => `${CERT}${' '.repeat(20_000)}`)(url(1), HOST))).toBe(
      'certificate-unusable',
    );
  });
});
