/**
 * Signing certificates fetched from the sender, for certificate-based schemes (Amazon SNS). Only
 * `https://` URLs on an allowed host (the recipe's pattern, e.g. `sns.<region>.amazonaws.com`) are
 * ever fetched; the public key of each certificate is kept (bounded, oldest out first), so a
 * webhook's messages cost one fetch per certificate, not per request. The fetch itself is passed
 * in: the Node and Workers entries give a real one, tests a local one (no network in tests).
 */
import { base64ToBytes } from '../../lib/base64';
import { VerifyError } from '../../lib/errors';
import { certificateSpki } from './der';

export const CERTIFICATE_CACHE_SIZE = 64;
export const MAX_CERTIFICATE_CHARS = 16_384;

/** Fetches a certificate (PEM text) from a URL that has passed the host check. */
export type FetchCertificate = (url: URL) => Promise<string>;

/** The SubjectPublicKeyInfo (DER) of the certificate at `url`, when `url` is allowed. */
export type CertificateSource = (url: string, allowedHost: RegExp) => Promise<Uint8Array>;

/** The DER of the first certificate in PEM text. */
export function pemCertificate(pem: string): Uint8Array | undefined {
  const match = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  return match?.[1] ? base64ToBytes(match[1].replace(/\s+/g, '')) : undefined;
}

/** The URL when it is `https://<allowed host>/….pem` with no credentials or port; else `undefined`. */
export function allowedCertificateUrl(text: string, allowedHost: RegExp): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const plain = url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '';
  return plain && allowedHost.test(url.hostname) && url.pathname.endsWith('.pem') ? url : undefined;
}

export function createCertificateSource(fetchCertificate: FetchCertificate, size = CERTIFICATE_CACHE_SIZE): CertificateSource {
  const keys = new Map<string, Promise<Uint8Array>>();
  async function load(url: URL): Promise<Uint8Array> {
    const pem = await fetchCertificate(url);
    const der = pem.length <= MAX_CERTIFICATE_CHARS ? pemCertificate(pem) : undefined;
    const spki = der ? certificateSpki(der) : undefined;
    if (!spki) throw new VerifyError('certificate-unusable', 'the signing certificate is not a PEM X.509 certificate');
    return spki;
  }
  return (text, allowedHost) => {
    const url = allowedCertificateUrl(text, allowedHost);
    if (!url) throw new VerifyError('certificate-url-refused', 'the signing certificate URL is not an allowed https URL');
    const cached = keys.get(url.href);
    if (cached) return cached;
    const loading = load(url).catch((error: unknown) => {
      keys.delete(url.href);
      if (error instanceof VerifyError) throw error;
      throw new VerifyError('certificate-unavailable', 'the signing certificate could not be fetched');
    });
    if (keys.size >= size) keys.delete(keys.keys().next().value as string);
    keys.set(url.href, loading);
    return loading;
  };
}
