/** Sign-in: the admin token, posted in a form (never in a URL), with a token against login CSRF. */
import { Layout } from './layout';

export interface SignInProps {
  formToken: string;
  next: string;
  error?: string;
  notice?: string;
}

export function SignInPage({ formToken, next, error, notice }: SignInProps) {
  return (
    <Layout title="Sign in" section="none">
      <div class="panel sign-in">
        <h1>Sign in to hookgate</h1>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p class="notice error" role="alert" id="sign-in-error">
            {error}
          </p>
        )}
        <form method="post" action="/ui/sign-in">
          <input type="hidden" name="_form" value={formToken} />
          <input type="hidden" name="next" value={next} />
          <label for="token">Admin token</label>
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            required
            autofocus
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'sign-in-error token-hint' : 'token-hint'}
          />
          <p class="hint" id="token-hint">
            The gateway's admin token: <code>HOOKGATE_ADMIN_TOKEN</code>, or the one it keeps in <code>data/admin-token</code>.
          </p>
          <div class="buttons">
            <button type="submit">Sign in</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
