/** The API keys page (admin only): the keys (never the keys themselves), a form to make one, revoke buttons. */

import type { ApiKeyView } from '../../schemas/api-key';
import { SCOPES } from '../../schemas/api-key';
import { CopyButton } from '../components/copy-button';
import { type Clock, Time } from '../components/time';
import { Layout } from './layout';

export interface KeysPageProps {
  keys: ApiKeyView[];
  csrf: string;
  clock: Clock;
  /** The key just made: shown this once. */
  created?: { name: string; key: string };
  notice?: string;
  error?: string;
}

function KeyRow({ apiKey, csrf, clock }: { apiKey: ApiKeyView; csrf: string; clock: Clock }) {
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>{apiKey.scope}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>
        <Time iso={apiKey.created} clock={clock} />
      </td>
      <td>{apiKey.expires ? <Time iso={apiKey.expires} clock={clock} /> : 'never'}</td>
      <td>{apiKey.lastUsed ? <Time iso={apiKey.lastUsed} clock={clock} /> : 'never'}</td>
      <td>
        <form method="post" action={`/ui/keys/${apiKey.id}/revoke`} class="inline">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="danger">
            Revoke
          </button>
        </form>
      </td>
    </tr>
  );
}

export function KeysPage({ keys, csrf, clock, created, notice, error }: KeysPageProps) {
  return (
    <Layout title="API keys" section="keys" csrf={csrf}>
      <h1>API keys</h1>
      {created && (
        <div class="notice panel" role="status">
          <p>{`Key "${created.name}" made. Copy it now: it is not shown again.`}</p>
          <p class="url-line">
            <code>{created.key}</code> <CopyButton value={created.key} label="Copy the key" />
          </p>
        </div>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <form class="panel" method="post" action="/ui/keys">
        <input type="hidden" name="_csrf" value={csrf} />
        <label>
          Name <input name="name" required maxlength={200} />
        </label>
        <label>
          Scope{' '}
          <select name="scope">
            {SCOPES.map((scope) => (
              <option value={scope}>{scope}</option>
            ))}
          </select>
        </label>
        <label>
          Expires after <input name="expires" placeholder="90d (empty: never)" maxlength={64} />
        </label>
        <button type="submit">Make a key</button>
      </form>
      <div class="panel">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Key</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((apiKey) => (
              <KeyRow apiKey={apiKey} csrf={csrf} clock={clock} />
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
