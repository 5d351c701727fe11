/** The page shell: skip link, navigation, sign-out, the favicon, the one stylesheet and script, a live region. */

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { ASSET_URLS } from '../assets';

export type Section = 'events' | 'webhooks' | 'sinks' | 'keys' | 'none';

export interface LayoutProps {
  title: string;
  section: Section;
  /** The session's CSRF token; absent on the sign-in page. */
  csrf?: string;
  children?: Child;
}

function NavLink({ href, current, children }: { href: string; current: boolean; children: Child }) {
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function Layout({ title, section, csrf, children }: LayoutProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          {csrf && <meta name="csrf-token" content={csrf} />}
          <title>{`${title} · hookgate`}</title>
          <link rel="icon" type="image/svg+xml" href={ASSET_URLS.icon} />
          <link rel="stylesheet" href={ASSET_URLS.css} />
          <script src={ASSET_URLS.js} defer />
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="top">
            <a class="brand" href="/ui/events">
              hookgate
            </a>
            {csrf && (
              <>
                <nav aria-label="Main">
                  <NavLink href="/ui/events" current={section === 'events'}>
                    Events
                  </NavLink>
                  <NavLink href="/ui/webhooks" current={section === 'webhooks'}>
                    Webhooks
                  </NavLink>
                  <NavLink href="/ui/sinks" current={section === 'sinks'}>
                    Sinks
                  </NavLink>
                  <NavLink href="/ui/keys" current={section === 'keys'}>
                    Keys
                  </NavLink>
                </nav>
                <form class="sign-out" method="post" action="/ui/sign-out">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <button type="submit" class="link">
                    Sign out
                  </button>
                </form>
              </>
            )}
          </header>
          <main id="main" tabindex={-1}>
            {children}
          </main>
          <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true" />
        </body>
      </html>
    </>
  );
}
