/** What a page that does not exist (or no longer does) shows, with a way back. */
import { Layout, type Section } from './layout';

export function NotFoundPage({ csrf, what, back, section }: { csrf: string; what: string; back: string; section: Section }) {
  return (
    <Layout title="Not found" section={section} csrf={csrf}>
      <h1>Not found</h1>
      <p>{what}</p>
      <p>
        <a href={back}>Go back</a>
      </p>
    </Layout>
  );
}
