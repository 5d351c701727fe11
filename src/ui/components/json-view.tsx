/** JSON pretty-printed in a collapsible block (native `<details>`: keyboard and screen-reader ready). */
export function JsonView({ value, summary, open = false }: { value: unknown; summary: string; open?: boolean }) {
  return (
    <details class="json" open={open}>
      <summary>{summary}</summary>
      <pre tabindex={0}>
        <code>{JSON.stringify(value, null, 2)}</code>
      </pre>
    </details>
  );
}
