/**
 * Shared-token schemes: `bearer` and `basic` (the `Authorization` header) and a token sent as it is
 * in a provider header (`gitlab`: `X-Gitlab-Token`). Every configured secret is tried (rotation);
 * comparisons are constant-time.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc7617
 * @see https://docs.gitlab.com/user/project/integrations/webhooks/#create-a-webhook
 */
import { base64ToBytes } from '../../lib/base64';
import { VerifyError } from '../../lib/errors';
import { secretEquals } from '../../lib/secrets';
import { requireHeader } from './headers';

/** True when `given` equals any of `secrets`; every secret is compared, whatever the outcome. */
export async function matchesAnySecret(given: string, secrets: readonly string[]): Promise<boolean> {
  const results = await Promise.all(secrets.map((secret) => secretEquals(given, secret)));
  return results.includes(true);
}

function credentials(headers: Headers, scheme: 'Bearer' | 'Basic'): string {
  const header = headers.get('authorization');
  const match = header ? new RegExp(`^${scheme}\\s+(\\S+)\\s*$`, 'i').exec(header) : null;
  if (!match?.[1]) throw new VerifyError('signature-missing', `the request has no "Authorization: ${scheme} …" header`);
  return match[1];
}

export async function verifyBearer(headers: Headers, secrets: readonly string[]): Promise<void> {
  if (!(await matchesAnySecret(credentials(headers, 'Bearer'), secrets))) {
    throw new VerifyError('signature-mismatch', 'the bearer token does not match');
  }
}

export async function verifyBasic(headers: Headers, username: string, secrets: readonly string[]): Promise<void> {
  const bytes = base64ToBytes(credentials(headers, 'Basic'));
  const decoded = bytes ? new TextDecoder().decode(bytes) : '';
  const colon = decoded.indexOf(':');
  const [user, password] = colon < 0 ? ['', ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  const [userOk, passwordOk] = await Promise.all([secretEquals(user, username), matchesAnySecret(password, secrets)]);
  if (!userOk || !passwordOk) throw new VerifyError('signature-mismatch', 'the basic credentials do not match');
}

/** A token the sender puts in `header` as it is (GitLab's `X-Gitlab-Token`). */
export async function verifyHeaderToken(headers: Headers, header: string, secrets: readonly string[]): Promise<void> {
  if (!(await matchesAnySecret(requireHeader(headers, header), secrets))) {
    throw new VerifyError('signature-mismatch', `the ${header} token does not match`);
  }
}
