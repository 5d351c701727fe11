/** Handshakes provider presets need (filled in by the provider presets work). */
import type { Handshake } from './types';

export const PROVIDER_HANDSHAKES: readonly Handshake[] = [];
