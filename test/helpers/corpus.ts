/**
 * Corpora for differential tests: every provider payload in ../shared/fixtures (with the content
 * type and headers it is sent with) as a template context, and every template file in the repo.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContext, type RequestContext } from '../../src/core/context';
import type { VerifiedRequest } from '../../src/core/verify';
import type { Webhook } from '../../src/schemas/webhook';
import { localPresetPayloads } from '../presets/payloads';
import { fixtureManifest } from './hooks';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

export interface PayloadCase {
  name: string;
  context: RequestContext;
}

const CORPUS_WEBHOOK = { id: '0190b000-0000-4000-8000-00000000c0de', name: 'corpus' } as Webhook;

/** A template context for `body` sent with `headers`, exactly as the pipeline builds it. */
export function contextFor(body: string, headers: Record<string, string>, method = 'POST'): RequestContext {
  const request = {
    method,
    url: new URL('https://hooks.example.com/hooks/corpus?source=test'),
    headers: new Headers(headers),
    body: new TextEncoder().encode(body),
    receivedAt: Date.UTC(2026, 2, 1, 12),
  } as VerifiedRequest;
  return buildContext(request, CORPUS_WEBHOOK).context;
}

/** Every payload of the fixture manifest, and the presets' own examples, as the context a template sees. */
export function providerPayloads(): PayloadCase[] {
  const shared = fixtureManifest().map((entry) => ({
    name: entry.path,
    context: contextFor(readFileSync(join(FIXTURES, entry.path), 'utf8'), {
      'content-type': entry.content_type,
      ...entry.headers,
    }),
  }));
  const local = localPresetPayloads().map((payload) => ({
    name: payload.source,
    context: contextFor(payload.body, { 'content-type': payload.contentType, ...payload.headers }),
  }));
  return [...shared, ...local];
}

function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

/** Every template file: provider presets (`templates/`) and test templates (`test/fixtures/templates/`). */
export function templateFiles(): { name: string; source: string }[] {
  return [...filesUnder(join(ROOT, 'templates'), '.hbs'), ...filesUnder(join(ROOT, 'test/fixtures/templates'), '.hbs')]
    .sort()
    .map((path) => ({ name: path.slice(ROOT.length), source: readFileSync(path, 'utf8') }));
}
