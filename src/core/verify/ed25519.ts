/**
 * Ed25519 signature checks on Web Crypto (`crypto.subtle` with `{name: 'Ed25519'}`: Node ≥ 20 and
 * Workers), for Discord and Standard Webhooks' `v1a`. Public keys are 32 raw bytes.
 * @see https://www.rfc-editor.org/rfc/rfc8032
 */

/** True when `signature` is a valid Ed25519 signature of `message` by `publicKey`; wrong sizes are just not valid. */
export async function ed25519Verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
  } catch {
    // A key that is not a point on the curve cannot have signed anything.
    return false;
  }
}

/** True when any signature is valid under any key; every pair is checked (rotation, several signatures). */
export async function anyEd25519(
  keys: readonly Uint8Array[],
  signatures: readonly (Uint8Array | undefined)[],
  message: Uint8Array,
): Promise<boolean> {
  const checks = keys.flatMap((key) =>
    signatures.map((signature) => (signature ? ed25519Verify(key, signature, message) : Promise.resolve(false))),
  );
  return (await Promise.all(checks)).includes(true);
}
