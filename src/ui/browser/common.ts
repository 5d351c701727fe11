/**
 * Shared by the page scripts: the session's CSRF token, an `aria-live` announcer, server-rendered
 * HTML fragments and JSON reads that send a signed-out reader to sign in.
 */

const csrfMeta = document.querySelector('meta[name="csrf-token"]');

/** The session's CSRF token, sent back as `x-csrf-token` on writes. */
export const csrf: string = csrfMeta?.getAttribute('content') ?? '';

/** Says `text` through the page's live region (cleared first, so a repeated message is read again). */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/** The element matching `selector` at or above an event's target, if any. */
export function closestTarget<E extends Element = HTMLElement>(event: Event, selector: string): E | null {
  return event.target instanceof Element ? event.target.closest<E>(selector) : null;
}

/** Server-rendered HTML as a fragment (a `<template>`'s content: scripts inert, nothing fetched). */
export function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Sends a signed-out reader (401) to the sign-in page; the promise then fails. */
export function checkSignedIn(response: Response): void {
  if (response.status === 401) {
    window.location.assign('/ui/sign-in');
    throw new Error('signed out');
  }
}

/** GETs a UI data route as JSON; fails on any answer but a 2xx. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  checkSignedIn(response);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}
