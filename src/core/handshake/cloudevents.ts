/** Handshakes CloudEvents senders require (filled in by the CloudEvents mapping work). */
import type { Handshake } from './types';

export const CLOUDEVENTS_HANDSHAKES: readonly Handshake[] = [];
