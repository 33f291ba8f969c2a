import { FeaturePlaceholder } from '../../ui/FeaturePlaceholder';
import { ReportIcon } from '../../ui/icons';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { ActiveScope } from '../workspace/ActiveScope';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';

export function ReportsView() {
  const settled = isWorkspaceSettled(useWorkspace());
  return (
    <ViewFrame view="reports" ready={settled}>
      <ViewHeader title="Reports" summary="Evidence for the audit file, exported from the local index." />
      <FeaturePlaceholder icon={<ReportIcon />} arrivesWith="reports" headline="Reports arrive with the reports feature" scope={<ActiveScope />}>
        <p>Exports a dated PDF or CSV of the activity, events and findings in scope, with the profiles, accounts and time range it covers, so the evidence can be filed and reproduced.</p>
      </FeaturePlaceholder>
    </ViewFrame>
  );
}
