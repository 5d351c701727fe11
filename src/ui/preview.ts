/**
 * The editor's preview: a draft mapping run on a sample request exactly as the live endpoint would
 * (parse → map → validate), nothing stored. No verification: the sample comes from the signed-in
 * admin, not a sender. Drafts compile in the UI's own small cache, not the pipeline's.
 */
import { HookgateError } from '../core/errors';
import { receiveAndVerify, translate } from '../core/pipeline';
import type { RouteDeps } from '../routes/deps';
import { sampleToRequest } from '../routes/sample-request';
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

export type PreviewOutcome = { ok: true; events: Event[] } | { ok: false; error: PreviewError; rendered?: string };

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

export interface PreviewDeps extends Pick<RouteDeps, 'pipeline'> {
  /** Compiles draft templates (a cache of its own, so drafts never push out live templates). */
  compileDraft: RouteDeps['pipeline']['compile'];
}

/** The events `mapping` makes of `sample` for `webhook`, or the error a sender would get. */
export async function previewMapping(
  webhook: Webhook,
  mapping: Mapping,
  sample: SampleRequest,
  deps: PreviewDeps,
): Promise<PreviewOutcome> {
  const draft: Webhook = { ...webhook, mapping, verify: { scheme: 'none' } };
  try {
    const verified = await receiveAndVerify(draft, sampleToRequest(sample), deps.pipeline);
    const translation = translate(draft, verified, { ...deps.pipeline, compile: deps.compileDraft });
    if (translation.ok) return { ok: true, events: translation.events };
    const { code, title, detail, extras, rendered } = translation.error;
    const position = { line: extras.line as number | undefined, column: extras.column as number | undefined };
    return { ok: false, error: { code, title, detail, ...position }, rendered };
  } catch (error) {
    // The sample itself cannot be received (too large): say so, as the endpoint would.
    if (error instanceof HookgateError) return previewError(error.code, error.title, error.detail);
    throw error;
  }
}
