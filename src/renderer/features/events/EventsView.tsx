import { FeaturePlaceholder } from '../../ui/FeaturePlaceholder';
import { ListIcon } from '../../ui/icons';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActiveScope } from '../workspace/ActiveScope';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';

export function EventsView() {
  const settled = isWorkspaceSettled(useWorkspace());
  return (
    <ViewFrame view="events" ready={settled}>
      <ViewHeader title="Events" summary="Every CloudTrail event in the local index, searchable." />
      <FeaturePlaceholder icon={<ListIcon />} arrivesWith="CloudTrail sync" headline="CloudTrail event search arrives with the sync feature" scope={<ActiveScope />}>
        <p>Search by principal, action, resource, source IP or error code; open an event to see the original record; annotate it and export the selection as evidence. Until then, the local index is empty.</p>
      </FeaturePlaceholder>
    </ViewFrame>
  );
}
