/** What a page request that failed shows: what went wrong, in words, and a way on. */
import { Layout } from './layout';

export interface ErrorPageProps {
  title: string;
  detail: string;
  /** The session's CSRF token, when there is a session (the header then has its links). */
  csrf?: string;
  link: { href: string; text: string };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function ErrorPage({ title, detail, csrf, link }: ErrorPageProps) {
  return (
    <Layout title={title} section="none" csrf={csrf}>
      <h1>{title}</h1>
      <p class="notice error" role="alert">
        {sentence(detail)}
      </p>
      <p>
        <a href={link.href}>{link.text}</a>
      </p>
    </Layout>
  );
}
