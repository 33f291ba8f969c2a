import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ReloadIcon } from '../../ui/icons';
import { LoadingState } from '../../ui/LoadingState';
import { SearchBox } from '../../ui/SearchBox';
import { ViewFrame } from '../../ui/ViewFrame';
import { ViewHeader } from '../../ui/ViewHeader';
import { isWorkspaceSettled, useWorkspace } from '../workspace/workspace-context';
import { ConfigFilesSummary } from './ConfigFilesSummary';
import { FileProblemsPanel } from './FileProblemsPanel';
import { NoProfilesState } from './NoProfilesState';
import { ProfileCounts } from './ProfileCounts';
import { filterProfiles } from './profile-filter';
import { ProfilesTable } from './ProfilesTable';
import { SessionsPanel } from '../sessions/SessionsPanel';
import './profiles.css';

export function ProfilesView() {
  const workspace = useWorkspace();
  const { listing, activeNames, toggleActive } = workspace;
  const [query, setQuery] = useState('');
  const data = listing.data;
  const hasProfiles = (data?.profiles.length ?? 0) > 0;
  const shown = data ? filterProfiles(data.profiles, query) : [];

  return (
    <ViewFrame view="profiles" ready={isWorkspaceSettled(workspace)}>
      <ViewHeader
        title="Profiles"
        summary={data && hasProfiles ? <ProfileCounts profiles={data.profiles} activeCount={activeNames.length} /> : 'The AWS profiles on this machine, read as the AWS SDK reads them.'}
        actions={
          <>
            {hasProfiles ? <SearchBox label="Filter profiles" value={query} onChange={setQuery} /> : null}
            <button type="button" className="button button--secondary" onClick={listing.reload} disabled={listing.status === 'loading'}>
              <ReloadIcon /> {listing.status === 'loading' && data ? 'Reading…' : 'Reload'}
            </button>
          </>
        }
      />
      {listing.status === 'error' ? <ErrorNotice title="Could not read the AWS profiles" error={listing.error} onRetry={listing.reload} /> : null}
      {listing.status === 'loading' && !data ? <LoadingState label="Reading the AWS config and credentials files…" /> : null}
      {data ? (
        <div className="view-body">
          <ConfigFilesSummary configFile={data.configFile} credentialsFile={data.credentialsFile} />
          {data.problems.length > 0 ? <FileProblemsPanel problems={data.problems} usableCount={data.profiles.filter((p) => !p.problem).length} /> : null}
          {hasProfiles ? (
            <>
              <ProfilesTable profiles={shown} activeNames={activeNames} onToggleActive={toggleActive} emptyMessage={`No profile matches “${query}”.`} />
              {query && shown.length > 0 ? (
                <p className="table-footnote" role="status">
                  Showing {shown.length} of {data.profiles.length} profiles.
                </p>
              ) : null}
            </>
          ) : (
            <NoProfilesState configFile={data.configFile} credentialsFile={data.credentialsFile} onReload={listing.reload} />
          )}
          <SessionsPanel />
        </div>
      ) : null}
    </ViewFrame>
  );
}
