/**
 * An event's JSON text, made once: validation measures it (the 1.5 MB limit) and the store
 * writes it, so the hot path serialises each event one time, not twice.
 */
import { type Event, MAX_EVENT_BYTES } from './event';

const texts = new WeakMap<Event, string>();
const encoder = new TextEncoder();

export function eventJson(event: Event): string {
  let text = texts.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    texts.set(event, text);
  }
  return text;
}

/** Size of the event as UTF-8 JSON; encodes only when the text could be over the limit. */
export function eventBytes(event: Event): number {
  const text = eventJson(event);
  return text.length * 3 <= MAX_EVENT_BYTES ? text.length : encoder.encode(text).length;
}
