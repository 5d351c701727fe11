/** Reading the headers a scheme needs: a missing one is `signature-missing` (401), named in the detail. */
import { VerifyError } from '../../lib/errors';

export function requireHeader(headers: Headers, name: string): string {
  const value = headers.get(name);
  if (value === null || value.trim() === '') throw new VerifyError('signature-missing', `the request has no ${name} header`);
  return value;
}

export function mismatch(what: string): VerifyError {
  return new VerifyError('signature-mismatch', `${what} does not match`);
}
