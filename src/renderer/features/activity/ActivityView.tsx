import { FeaturePlaceholder } from '../../ui/FeaturePlaceholder';
import { ActivityIcon } from '../../ui/icons';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActiveScope } from '../workspace/ActiveScope';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';

export function ActivityView() {
  const settled = isWorkspaceSettled(useWorkspace());
  return (
    <ViewFrame view="activity" ready={settled}>
      <ViewHeader title="Activity" summary="Who did what, over time, across the active profiles." />
      <FeaturePlaceholder icon={<ActivityIcon />} arrivesWith="CloudTrail sync" headline="CloudTrail activity charts arrive with the sync feature" scope={<ActiveScope />}>
        <p>Once trails are synced into the local index, this view charts management events per day, per principal, per account and per region, and highlights what changed: new principals, first-time API calls, console sign-ins without MFA, denied calls.</p>
      </FeaturePlaceholder>
    </ViewFrame>
  );
}
