import { FeaturePlaceholder } from '../../ui/FeaturePlaceholder';
import { FindingIcon } from '../../ui/icons';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActiveScope } from '../workspace/ActiveScope';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';

export function FindingsView() {
  const settled = isWorkspaceSettled(useWorkspace());
  return (
    <ViewFrame view="findings" ready={settled}>
      <ViewHeader title="Findings" summary="Who could do what: IAM Access Analyzer across the active profiles." />
      <FeaturePlaceholder icon={<FindingIcon />} arrivesWith="Access Analyzer" headline="IAM Access Analyzer findings arrive with the findings feature" scope={<ActiveScope />}>
        <p>Lists external-access and unused-access findings from every analyzer the active profiles can read, with the resource, the principal that has access and the condition it depends on, and lets you archive a finding with a reason.</p>
      </FeaturePlaceholder>
    </ViewFrame>
  );
}
