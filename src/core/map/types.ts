/** What a mapping kind provides: a save-time check and a request → candidate events function. */
import type { Mapping } from '../../schemas/mapping';
import type { Webhook } from '../../schemas/webhook';
import type { RequestContext } from '../context';
import type { ParsedBody } from '../parse-body';
import type { RenderLimits } from '../template/budget';
import type { RenderFn } from '../template/render-fn';
import type { VerifiedRequest } from '../verify';

export interface MapInput {
  webhook: Webhook;
  request: VerifiedRequest;
  context: RequestContext;
  parsed: ParsedBody;
}

export interface MapResult {
  /** Event-shaped objects, not yet validated or given defaults. */
  candidates: unknown[];
  /** True when the mapping produced an array (fan-out), so issues are numbered. */
  fanOut: boolean;
  /** What a template rendered, for failure events: made when asked (placed values become text then). */
  rendered?: () => string;
}

export interface MapperDeps {
  renderLimits: RenderLimits;
  /** Compiles template text (cached: each template version is compiled once). */
  compile: (source: string) => RenderFn;
}

export interface Mapper<M extends Mapping = Mapping> {
  kind: M['kind'];
  /** Throws when the mapping cannot work (e.g. a template that does not parse). */
  check(mapping: M, deps: MapperDeps): void;
  map(mapping: M, input: MapInput, deps: MapperDeps): MapResult;
}
