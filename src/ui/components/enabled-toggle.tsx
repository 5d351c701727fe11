/** A webhook's enabled switch: a real form (works without script), announced as a switch. */
export function EnabledToggle({
  id,
  name,
  enabled,
  csrf,
  back,
}: {
  id: string;
  name: string;
  enabled: boolean;
  csrf: string;
  back: string;
}) {
  return (
    <form method="post" action={`/ui/webhooks/${id}/enabled`} class="inline">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="toggle" role="switch" aria-checked={enabled ? 'true' : 'false'} aria-label={`${name} enabled`}>
        {enabled ? 'Enabled' : 'Disabled'}
      </button>
    </form>
  );
}
