import { useWorkspace } from './workspace-context';

/** One line that ties a view to the header's choice of profiles. */
export function ActiveScope() {
  const { activeNames, activeKnown, listing } = useWorkspace();
  if (!listing.data || !activeKnown) return null;
  if (activeNames.length === 0) {
    return <p className="scope">No profile is active. Pick the profiles to cover with “Active profiles” in the header.</p>;
  }
  const shown = activeNames.slice(0, 6);
  const more = activeNames.length - shown.length;
  return (
    <p className="scope">
      Will cover the {activeNames.length === 1 ? 'active profile' : `${activeNames.length} active profiles`}:{' '}
      {shown.map((name, i) => (
        <span key={name}>
          {i > 0 ? ', ' : ''}
          <span className="scope__name">{name}</span>
        </span>
      ))}
      {more > 0 ? ` and ${more} more` : ''}.
    </p>
  );
}
