/**
 * Every payload a preset is tested on: the shared corpus (`../shared/fixtures`, by provider, as the
 * manifest says they are sent), the bodies of the Standard Webhooks vectors, and the documentation-
 * shaped examples in `payloads/` for providers the corpus lacks.
 */
import { readdirSync, readFileSync } from 'node:fs';

const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);
const LOCAL = new URL('./payloads/', import.meta.url);

export interface PresetPayload {
  preset: string;
  /** Golden file name (without `.json`). */
  name: string;
  /** Where the body comes from. */
  source: string;
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

interface ManifestEntry {
  path: string;
  provider: string;
  content_type: string;
  headers: Record<string, string>;
}

function corpus(): PresetPayload[] {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as { entries: ManifestEntry[] };
  return manifest.entries.map((entry) => ({
    preset: entry.provider,
    name: entry.path
      .slice(entry.provider.length + 1)
      .replace(/\.(json|txt)$/, '')
      .replaceAll('/', '.'),
    source: entry.path,
    contentType: entry.content_type,
    headers: entry.headers,
    body: readFileSync(new URL(entry.path, FIXTURES), 'utf8'),
  }));
}

interface StandardVector {
  id: string;
  kind: string;
  msg_id?: string;
  timestamp?: number | string;
  payload?: string;
}

/** Each distinct body the Standard Webhooks vectors sign, with its message id and timestamp. */
function standardWebhooks(): PresetPayload[] {
  const file = JSON.parse(readFileSync(new URL('standardwebhooks/vectors.json', FIXTURES), 'utf8')) as {
    vectors: StandardVector[];
  };
  const seen = new Set<string>();
  const out: PresetPayload[] = [];
  for (const vector of file.vectors) {
    if (!(vector.kind === 'sign' || vector.kind === 'to_sign') || !vector.payload || seen.has(vector.payload)) continue;
    seen.add(vector.payload);
    out.push({
      preset: 'standard-webhooks',
      name: vector.id,
      source: `standardwebhooks/vectors.json#${vector.id}`,
      contentType: 'application/json',
      headers: { 'webhook-id': vector.msg_id ?? '', 'webhook-timestamp': String(vector.timestamp) },
      body: vector.payload,
    });
  }
  return out;
}

/** The documentation-shaped examples in `payloads/`, for providers the shared corpus lacks. */
export function localPresetPayloads(): PresetPayload[] {
  const out: PresetPayload[] = [];
  for (const dir of readdirSync(LOCAL, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(new URL(`${dir.name}/`, LOCAL)).sort()) {
      const example = JSON.parse(readFileSync(new URL(`${dir.name}/${file}`, LOCAL), 'utf8')) as {
        contentType: string;
        headers: Record<string, string>;
        body: unknown;
      };
      out.push({
        preset: dir.name,
        name: file.replace(/\.json$/, ''),
        source: `test/presets/payloads/${dir.name}/${file}`,
        contentType: example.contentType,
        headers: example.headers,
        body: JSON.stringify(example.body),
      });
    }
  }
  return out;
}

export function presetPayloads(): PresetPayload[] {
  return [...corpus(), ...standardWebhooks(), ...localPresetPayloads()];
}
