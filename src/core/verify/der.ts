/**
 * Just enough DER (ITU-T X.690) to read what signature schemes hand us: an ECDSA signature
 * (`SEQUENCE { r INTEGER, s INTEGER }`) turned into the fixed-size `r || s` Web Crypto verifies,
 * and the SubjectPublicKeyInfo of an X.509 certificate (RFC 5280 §4.1). Malformed input gives
 * `undefined`, never an exception: a signature that cannot be read does not match.
 * @see https://www.itu.int/rec/T-REC-X.690
 */

export interface DerNode {
  tag: number;
  /** The whole element, header included. */
  start: number;
  end: number;
  /** Where the contents begin. */
  contentStart: number;
}

/** The element at `offset` of `bytes` (definite lengths only, as DER requires). */
export function readDer(bytes: Uint8Array, offset: number, limit = bytes.length): DerNode | undefined {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) return undefined;
  let position = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[position++];
      if (lengthByte === undefined) return undefined;
      length = length * 256 + lengthByte;
    }
  }
  const end = position + length;
  return end > limit ? undefined : { tag, start: offset, end, contentStart: position };
}

/** The children of a constructed element. */
export function derChildren(bytes: Uint8Array, node: DerNode): DerNode[] | undefined {
  const out: DerNode[] = [];
  for (let offset = node.contentStart; offset < node.end; ) {
    const child = readDer(bytes, offset, node.end);
    if (!child) return undefined;
    out.push(child);
    offset = child.end;
  }
  return out;
}

/** An unsigned big-endian integer left-padded (or stripped of sign zeros) to `size` bytes. */
function fixedSize(value: Uint8Array, size: number): Uint8Array | undefined {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const bare = value.subarray(start);
  if (bare.length > size) return undefined;
  const out = new Uint8Array(size);
  out.set(bare, size - bare.length);
  return out;
}

/** A DER ECDSA signature as `r || s`, each `size` bytes (32 for P-256). */
export function ecdsaDerToRaw(signature: Uint8Array, size: number): Uint8Array | undefined {
  const sequence = readDer(signature, 0);
  if (sequence?.tag !== 0x30 || sequence.end !== signature.length) return undefined;
  const parts = derChildren(signature, sequence);
  if (parts?.length !== 2 || parts.some((part) => part.tag !== 0x02)) return undefined;
  const [r, s] = parts.map((part) => fixedSize(signature.subarray(part.contentStart, part.end), size));
  if (!r || !s) return undefined;
  const out = new Uint8Array(size * 2);
  out.set(r);
  out.set(s, size);
  return out;
}

/** The DER SubjectPublicKeyInfo of an X.509 certificate (the 7th field of tbsCertificate, after an optional version). */
export function certificateSpki(certificate: Uint8Array): Uint8Array | undefined {
  const cert = readDer(certificate, 0);
  if (cert?.tag !== 0x30) return undefined;
  const tbs = derChildren(certificate, cert)?.[0];
  if (tbs?.tag !== 0x30) return undefined;
  const fields = derChildren(certificate, tbs);
  if (!fields) return undefined;
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  const spki = rest[5];
  return spki?.tag === 0x30 ? certificate.slice(spki.start, spki.end) : undefined;
}
