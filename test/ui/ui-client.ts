/**
 * A scripted browser session without a browser, for HTTP-level UI tests: signs in through the
 * form (cookies kept as a browser keeps them) and reads a page's CSRF token.
 */

export interface UiClient {
  /** `name=value` pairs sent as the Cookie header. */
  cookies: Map<string, string>;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Posts a form (urlencoded), as a browser does. */
  post(path: string, fields: Record<string, string>, init?: RequestInit): Promise<Response>;
  signIn(token: string): Promise<Response>;
  /** The CSRF token of the current session, read from a page. */
  csrf(): Promise<string>;
}

type Fetch = (request: Request) => Response | Promise<Response>;

export function createUiClient(fetch: Fetch, origin = 'http://localhost'): UiClient {
  const cookies = new Map<string, string>();

  function remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1));
    }
    return response;
  }

  async function request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    return remember(await fetch(new Request(new URL(path, origin), { ...init, headers, redirect: 'manual' })));
  }

  const post = (path: string, fields: Record<string, string>, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    return request(path, { ...init, method: 'POST', headers, body: new URLSearchParams(fields).toString() });
  };

  const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

  return {
    cookies,
    request,
    post,
    async signIn(token) {
      const form = await (await request('/ui/sign-in')).text();
      return post('/ui/sign-in', { _form: hidden(form, '_form'), next: '/ui/events', token });
    },
    async csrf() {
      const html = await (await request('/ui/webhooks/new')).text();
      return /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
    },
  };
}
