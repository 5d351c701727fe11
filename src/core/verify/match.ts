/**
 * "Every secret × every signature, in constant time": the rule all signature schemes share.
 * Each expected value is computed and compared with every given signature, whatever the outcome,
 * so neither the number of secrets that matched nor the position of a match shows in the timing.
 */
import { bytesEqual } from '../../lib/secrets';

/** True when any given signature equals the value `sign` computes for any of `secrets` over any of `contents`. */
export async function anySignatureMatches<S, C>(
  secrets: readonly S[],
  contents: readonly C[],
  sign: (secret: S, content: C) => Promise<Uint8Array> | Uint8Array,
  signatures: readonly (Uint8Array | undefined)[],
): Promise<boolean> {
  const expected = await Promise.all(secrets.flatMap((secret) => contents.map((content) => sign(secret, content))));
  let matched = false;
  for (const value of expected) {
    for (const signature of signatures) {
      // The comparison runs for every pair: no early exit once something matched.
      matched = (signature !== undefined && bytesEqual(value, signature)) || matched;
    }
  }
  return matched;
}
