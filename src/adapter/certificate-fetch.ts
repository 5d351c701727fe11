/**
 * The real certificate fetch both entries give the app (Node and Workers both have `fetch`): https
 * only, no redirects, a time limit and a size limit. Which hosts may be asked is decided before
 * this is called (src/core/verify/certificates.ts: `sns.<region>.amazonaws.com` for SNS).
 */
import { type FetchCertificate, MAX_CERTIFICATE_CHARS } from '../core/verify/certificates';

export const CERTIFICATE_FETCH_TIMEOUT_MS = 5000;

export const fetchCertificateOverHttps: FetchCertificate = async (url) => {
  if (url.protocol !== 'https:') throw new Error('certificates are fetched over https only');
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(CERTIFICATE_FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`certificate fetch answered ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_CERTIFICATE_CHARS) throw new Error('the certificate is too large');
  return text;
};
