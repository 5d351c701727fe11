/**
 * The URL a sender called, for schemes that sign it (Twilio, Square, HubSpot v3): behind a proxy
 * the request URL hookgate sees is not the public one, so `HOOKGATE_PUBLIC_URL` + path + query
 * stands for it when set; else the request URL as received.
 * @see https://developer.squareup.com/docs/webhooks/step3validate
 * @see https://developers.hubspot.com/docs/api/webhooks/validating-requests
 */

/** `publicBase` (trailing slashes dropped) + the request's path and query, else the request URL. */
export function publicRequestUrl(publicBase: string | undefined, url: URL): string {
  if (publicBase) return `${publicBase.replace(/\/+$/, '')}${url.pathname}${url.search}`;
  return url.href;
}
