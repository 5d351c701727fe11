/** A confirmation step for what cannot be undone (rotate, delete): a page, so it needs no script. */
import type { Child } from 'hono/jsx';
import { Layout } from './layout';

export interface ConfirmProps {
  csrf: string;
  title: string;
  action: string;
  button: string;
  cancel: string;
  children?: Child;
}

export function ConfirmPage({ csrf, title, action, button, cancel, children }: ConfirmProps) {
  return (
    <Layout title={title} section="webhooks" csrf={csrf}>
      <h1>{title}</h1>
      <form class="panel danger-zone" method="post" action={action}>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="confirm" value="yes" />
        {children}
        <div class="buttons">
          <button type="submit" class="danger">
            {button}
          </button>
          <a href={cancel}>Cancel</a>
        </div>
      </form>
    </Layout>
  );
}
