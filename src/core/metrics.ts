/**
 * Counters for `GET /metrics`, in memory (per process; per isolate on Workers), rendered in
 * Prometheus' text format. Labels are webhook ids, statuses and error codes: never a slug, a
 * secret or anything a sender wrote.
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */

type Labels = Record<string, string>;

interface CounterFamily {
  help: string;
  values: Map<string, { labels: Labels; value: number }>;
}

const NEEDS_ESCAPE = /[\\\n"]/;

/** A label value as Prometheus' text format quotes it. */
function quote(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return `"${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`;
}

/** `{name="value",…}`, or '' without labels; made on every count, so without intermediate arrays. */
export function labelText(labels: Labels): string {
  let text = '';
  for (const name in labels) text += `${text === '' ? '{' : ','}${name}=${quote(labels[name] as string)}`;
  return text === '' ? '' : `${text}}`;
}

export interface Counters {
  inc(name: string, labels?: Labels, by?: number): void;
  /** Every counter in the text exposition format. */
  render(): string;
}

/** A registry of counters; each `name` must be declared with its help text. */
export function createCounters(declared: Record<string, string>): Counters {
  const families = new Map<string, CounterFamily>(
    Object.entries(declared).map(([name, help]) => [name, { help, values: new Map() }]),
  );
  return {
    inc(name, labels = {}, by = 1) {
      const family = families.get(name);
      if (!family) throw new Error(`undeclared counter ${name}`);
      const key = labelText(labels);
      const entry = family.values.get(key) ?? { labels, value: 0 };
      entry.value += by;
      family.values.set(key, entry);
    },
    render() {
      const lines: string[] = [];
      for (const [name, family] of families) {
        lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} counter`);
        for (const [key, entry] of family.values) lines.push(`${name}${key} ${entry.value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

/** Label value for requests to a slug that matches no enabled webhook. */
export const UNKNOWN_WEBHOOK = 'unknown';

export interface HookMetrics {
  request(webhookId: string, status: number): void;
  verificationFailure(webhookId: string, code: string): void;
  eventsStored(webhookId: string, count: number): void;
  responseRenderFailure(webhookId: string): void;
  deliveryRecordsDropped(count: number): void;
  render(): string;
}

export function createHookMetrics(): HookMetrics {
  const counters = createCounters({
    hookgate_hook_requests_total: 'Requests to /hooks/:slug, by webhook id and HTTP status.',
    hookgate_verification_failures_total: 'Requests refused by sender verification, by webhook id and problem code.',
    hookgate_events_stored_total: 'Events committed from webhook requests, by webhook id.',
    hookgate_response_render_failures_total: 'Success responses whose template failed (a 204 was sent), by webhook id.',
    hookgate_delivery_log_dropped_total: 'Delivery-log records not written (store unavailable or buffer full).',
  });
  return {
    request: (webhook, status) => counters.inc('hookgate_hook_requests_total', { webhook, status: String(status) }),
    verificationFailure: (webhook, code) => counters.inc('hookgate_verification_failures_total', { webhook, code }),
    eventsStored: (webhook, count) => counters.inc('hookgate_events_stored_total', { webhook }, count),
    responseRenderFailure: (webhook) => counters.inc('hookgate_response_render_failures_total', { webhook }),
    deliveryRecordsDropped: (count) => counters.inc('hookgate_delivery_log_dropped_total', {}, count),
    render: () => counters.render(),
  };
}
