/**
 * The editor's preview: the API's dry run (`core/dry-run.ts`) of a draft mapping on a sample
 * request, nothing stored — with verification off, since it previews the mapping, not the sample's
 * signature (the page says so). Drafts compile in the UI's own small cache, not the pipeline's.
 */
import { type DryRunDeps, dryRun, type HandshakeAnswer } from '../core/dry-run';
import { sampleToRequest } from '../core/sample-request';
import type { RouteDeps } from '../deps';
import { HookgateError } from '../lib/errors';
import type { Event } from '../schemas/event';
import { describeIssues } from '../schemas/issues';
import { Mapping } from '../schemas/mapping';
import type { SampleRequest, Webhook } from '../schemas/webhook';

export interface PreviewError {
  code: string;
  title: string;
  detail: string;
  line?: number;
  column?: number;
}

/** The events (none, and the answer, for a handshake the webhook answers itself), or the error. */
export type PreviewOutcome =
  | { ok: true; events: Event[]; handshake?: HandshakeAnswer }
  | { ok: false; error: PreviewError; rendered?: string };

/** A preview that ends in an error (named, with its position when known). */
export function previewError(
  code: string,
  title: string,
  detail: string,
  position: { line?: number; column?: number } = {},
): PreviewOutcome {
  return { ok: false, error: { code, title, detail, ...position } };
}

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The draft mapping the editor holds: template text, or a static event as JSON text. */
export function draftMapping(kind: Mapping['kind'], text: string): { mapping: Mapping } | { outcome: PreviewOutcome } {
  let candidate: unknown;
  if (kind === 'template') candidate = { kind, template: text };
  else if (kind === 'static') {
    try {
      candidate = { kind, event: JSON.parse(text) };
    } catch (error) {
      const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? Number.NaN);
      const position = Number.isFinite(offset) ? positionOf(text, offset) : {};
      return { outcome: previewError('invalid-json', 'The event is not JSON', (error as Error).message, position) };
    }
  } else candidate = { kind };
  const parsed = Mapping.safeParse(candidate);
  if (!parsed.success) {
    return {
      outcome: previewError('invalid-mapping', 'The mapping is not valid', describeIssues(parsed.error.issues, ['mapping'])),
    };
  }
  return { mapping: parsed.data };
}

export interface PreviewDeps {
  pipeline: DryRunDeps;
  /** Compiles draft templates (a cache of its own, so drafts never push out live templates). */
  compileDraft: RouteDeps['pipeline']['compile'];
}

/** The events `mapping` makes of `sample` for `webhook`, or the error a sender would get (signature unchecked). */
export async function previewMapping(
  webhook: Webhook,
  mapping: Mapping,
  sample: SampleRequest,
  deps: PreviewDeps,
): Promise<PreviewOutcome> {
  let request: Request;
  try {
    request = sampleToRequest(sample);
  } catch (error) {
    if (error instanceof HookgateError) return previewError(error.code, 'The sample cannot be sent', error.detail);
    throw error;
  }
  const pipeline = { ...deps.pipeline, compile: deps.compileDraft };
  const outcome = await dryRun({ ...webhook, mapping }, request, pipeline, { verify: false });
  if (outcome.kind === 'events') return { ok: true, events: outcome.events };
  if (outcome.kind === 'handshake') return { ok: true, events: [], handshake: outcome.answer };
  const { code, title, detail, extras } = outcome.error;
  const position = { line: extras.line as number | undefined, column: extras.column as number | undefined };
  return { ok: false, error: { code, title, detail, ...position }, rendered: outcome.rendered };
}
