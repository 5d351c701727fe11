/** A button that copies a value (the client script does the copying and announces it). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  return (
    <button type="button" class="copy" data-copy={value} aria-label={label}>
      Copy
    </button>
  );
}
