/**
 * "Every secret × every signature, in constant time": the rule all signature schemes share.
 * Each expected value is computed and compared with every given signature, whatever the outcome,
 * so neither the number of secrets that matched nor the position of a match shows in the timing.
 * With a synchronous HMAC (node:crypto) the answer comes back at once, without a promise.
 */
import { bytesEqual } from '../../lib/secrets';

/** A value now, or later: what verifiers return when their HMAC may be synchronous. */
export type MaybePromise<T> = T | Promise<T>;

/** `next(value)`, at once when `value` is already there, else once it resolves. */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

function anyEqual(expected: readonly Uint8Array[], signatures: readonly (Uint8Array | undefined)[]): boolean {
  let matched = false;
  for (const value of expected) {
    for (const signature of signatures) {
      // The comparison runs for every pair: no early exit once something matched.
      matched = (signature !== undefined && bytesEqual(value, signature)) || matched;
    }
  }
  return matched;
}

/**
 * True when any given signature equals the value `sign` computes for any of `secrets` over any of
 * `contents`: a boolean when every `sign` answered synchronously, else a promise of it.
 */
export function anySignatureMatches<S, C>(
  secrets: readonly S[],
  contents: readonly C[],
  sign: (secret: S, content: C) => MaybePromise<Uint8Array>,
  signatures: readonly (Uint8Array | undefined)[],
): MaybePromise<boolean> {
  const expected: MaybePromise<Uint8Array>[] = [];
  let pending = false;
  for (const secret of secrets) {
    for (const content of contents) {
      const value = sign(secret, content);
      pending ||= !(value instanceof Uint8Array);
      expected.push(value);
    }
  }
  if (!pending) return anyEqual(expected as Uint8Array[], signatures);
  return Promise.all(expected).then((values) => anyEqual(values, signatures));
}
