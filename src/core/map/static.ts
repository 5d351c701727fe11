/** Static mapping: the same event for every request, any method, body or none (DESIGN §3.1). */
import type { StaticMapping } from '../../schemas/mapping';
import type { Mapper } from './types';

export const staticMapper: Mapper<StaticMapping> = {
  kind: 'static',
  check() {
    // The event was validated by the schema when the webhook was saved.
  },
  map(mapping) {
    return { candidates: [structuredClone(mapping.event)], fanOut: false };
  },
};
