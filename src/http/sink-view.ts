/** A sink as the API shows it: its status beside it, secrets replaced by hints (write-only, like webhook secrets). */
import type { Sink, SinkStatus } from '../schemas/sink';
import { secretHint } from './webhook-view';

export type SinkView = Omit<Sink, 'target'> & { target: Record<string, unknown>; status: SinkStatus };

export function targetView(target: Sink['target']): Record<string, unknown> {
  const view: Record<string, unknown> = { ...target };
  for (const key of ['apiKey', 'authString', 'signingSecret'] as const) {
    const secret = view[key];
    delete view[key];
    if (typeof secret === 'string') view[`${key}Hint`] = secretHint(secret);
  }
  if (target.headers) {
    delete view.headers;
    view.headerHints = Object.fromEntries(Object.entries(target.headers).map(([name, value]) => [name, secretHint(value)]));
  }
  return view;
}

export function sinkView(sink: Sink, status: SinkStatus): SinkView {
  return { ...sink, target: targetView(sink.target), status };
}
