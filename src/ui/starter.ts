/**
 * The mapping a webhook made from a mapping kind starts with: something valid to edit from. The
 * payload is left to its default (the request), so the editor can preview on the last request.
 */
import type { Mapping } from '../schemas/mapping';

/** `Orders (shop)` → `orders-shop`: a name fit for event names and resource ids. */
export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'webhook'
  );
}

export function starterMapping(kind: string, name: string): Mapping | { kind: string } {
  const slug = slugify(name);
  if (kind === 'template') {
    return {
      kind: 'template',
      template: [
        '{',
        `  "event": "${slug}.{{default body.action "received"}}",`,
        '  "resource": {',
        `    "prefect.resource.id": "${slug}.{{default body.id "unknown"}}"`,
        '  }',
        '}',
      ].join('\n'),
    };
  }
  if (kind === 'static') {
    return { kind: 'static', event: { event: `${slug}.called`, resource: { 'prefect.resource.id': `${slug}` } } };
  }
  // cloudevents, or an unknown kind the API refuses with its own message.
  return { kind };
}
