/**
 * UI sessions: a stateless cookie `base64url(JSON {exp, nonce}).base64url(HMAC)` with a key derived
 * from the admin token, so rotating the token signs everyone out. The CSRF token of a session is an
 * HMAC of its nonce; the sign-in form's token is an HMAC of a short-lived pre-session nonce.
 * Web Crypto only: the same code runs on Node and Workers.
 *
 * Stateless on purpose: a list of revoked sessions would need shared storage, and Workers isolates
 * share no memory, so a per-process list would revoke on some requests and not others. Signing out
 * therefore clears the browser's cookie, a copy of it stays valid until `exp` (hence a working
 * day's lifetime, not longer), and rotating the admin token ends every session everywhere.
 */
import { z } from 'zod';
import { base64UrlToBytes as fromBase64Url, bytesToBase64Url as toBase64Url } from '../lib/base64';
import { deriveHmacKey, randomToken, secretEquals } from '../lib/secrets';

/** How long a session lasts after sign-in: a working day. */
export const SESSION_TTL_SECONDS = 8 * 3600;
const KEY_CONTEXT = 'hookgate ui sessions';
const NONCE_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `key`: the id of the API key signed in with; absent for the admin token. Checked on every request (revoke ends it). */
const SessionPayload = z.object({ exp: z.number().int(), nonce: z.string().min(16).max(64), key: z.string().max(64).optional() });
export type Session = z.infer<typeof SessionPayload>;

export interface Sessions {
  /** A new session (for the API key `key`, or the admin token) and its cookie value. */
  issue(key?: string): Promise<{ session: Session; value: string }>;
  /** The session a cookie value holds, if this server signed it and it has not expired. */
  read(value: string | undefined): Promise<Session | undefined>;
  /** The CSRF token forms and data requests of `session` must carry. */
  csrfToken(session: Session): Promise<string>;
  /** True when `given` is `session`'s CSRF token (constant time). */
  checkCsrf(session: Session, given: string | undefined): Promise<boolean>;
  /** A token for the sign-in form, bound to `nonce` (kept in a pre-session cookie). */
  signInToken(nonce: string): Promise<string>;
  newNonce(): string;
}

/** Sessions signed with a key derived from `secret` (the admin token); `now` is the clock in ms. */
export function createSessions(secret: string, now: () => number): Sessions {
  let key: Promise<CryptoKey> | undefined;
  const getKey = () => {
    key ??= deriveHmacKey(secret, KEY_CONTEXT);
    return key;
  };
  // Each purpose signs its own prefix, so a tag made for one can never pass as another.
  const mac = async (purpose: string, text: string) =>
    toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', await getKey(), encoder.encode(`${purpose}.${text}`))));

  return {
    async issue(key) {
      const session: Session = {
        exp: Math.floor(now() / 1000) + SESSION_TTL_SECONDS,
        nonce: randomToken(NONCE_BYTES),
        ...(key && { key }),
      };
      const body = toBase64Url(encoder.encode(JSON.stringify(session)));
      return { session, value: `${body}.${await mac('session', body)}` };
    },
    async read(value) {
      const [body, tag, extra] = (value ?? '').split('.');
      const tagBytes = tag ? fromBase64Url(tag) : undefined;
      if (!body || !tagBytes || extra !== undefined) return undefined;
      // `verify` compares in constant time.
      const signed = encoder.encode(`session.${body}`);
      if (!(await crypto.subtle.verify('HMAC', await getKey(), tagBytes, signed))) return undefined;
      const bytes = fromBase64Url(body);
      let parsed: unknown;
      try {
        parsed = bytes && JSON.parse(decoder.decode(bytes));
      } catch {
        return undefined;
      }
      const session = SessionPayload.safeParse(parsed);
      if (!session.success || session.data.exp * 1000 <= now()) return undefined;
      return session.data;
    },
    csrfToken: (session) => mac('csrf', session.nonce),
    async checkCsrf(session, given) {
      return given !== undefined && given !== '' && secretEquals(given, await mac('csrf', session.nonce));
    },
    signInToken: (nonce) => mac('sign-in', nonce),
    newNonce: () => randomToken(NONCE_BYTES),
  };
}
