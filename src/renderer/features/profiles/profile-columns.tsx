import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';
import { CheckIcon, WarningIcon } from '../../ui/icons';
import { ProfileKindBadge } from './ProfileKindBadge';
import { kindInfo } from './profile-kind-labels';
import { describeTarget } from './profile-target';

const column = createColumnHelper<ProfileSummary>();

const byKindLabel: SortingFn<ProfileSummary> = (a, b) => kindInfo(a.original.kind).label.localeCompare(kindInfo(b.original.kind).label);

/** Sorting by status puts the broken profiles first: that is what an auditor looks for. */
const byProblem: SortingFn<ProfileSummary> = (a, b) => Number(Boolean(b.original.problem)) - Number(Boolean(a.original.problem));

export function profileColumns(active: ReadonlySet<string>, toggleActive: (name: string) => void) {
  return [
    column.display({
      id: 'active',
      header: () => <span className="sr-only">Active</span>,
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="cell-checkbox"
          checked={active.has(row.original.name)}
          onChange={() => toggleActive(row.original.name)}
          aria-label={`Include ${row.original.name} in the active profiles`}
        />
      ),
    }),
    column.accessor('name', {
      header: 'Profile',
      cell: ({ row }) => (
        <div className="cell-stack">
          <span className="cell-primary profile-name">{row.original.name}</span>
          <span className="cell-secondary">{describeSources(row.original.sources)}</span>
        </div>
      ),
    }),
    column.accessor('kind', {
      header: 'Kind',
      sortingFn: byKindLabel,
      cell: ({ row }) => (
        <div className="cell-stack cell-stack--badge">
          <ProfileKindBadge kind={row.original.kind} />
          {/* An auditor must see when a profile's calls do not go to AWS itself. */}
          {row.original.endpointUrl ? (
            <span className="cell-secondary" title={`Calls go to ${row.original.endpointUrl}, not to AWS's own endpoints.`}>
              custom endpoint
            </span>
          ) : null}
        </div>
      ),
    }),
    column.accessor((p) => p.region ?? '', {
      id: 'region',
      header: 'Region',
      cell: ({ getValue }) => (getValue() ? <span className="mono">{getValue()}</span> : <span className="muted">not set</span>),
    }),
    column.accessor((p) => describeTarget(p).account ?? '', {
      id: 'account',
      header: 'Account',
      cell: ({ getValue }) => (getValue() ? <span className="mono">{getValue()}</span> : <span className="muted">—</span>),
    }),
    column.accessor((p) => describeTarget(p).role ?? '', {
      id: 'access',
      header: 'Role / credentials',
      cell: ({ row }) => {
        const target = describeTarget(row.original);
        return (
          <div className="cell-stack" title={target.roleArn}>
            {target.role ? <span className="cell-primary">{target.role}</span> : null}
            <span className={target.role ? 'cell-secondary' : 'cell-primary cell-primary--quiet'}>{target.via}</span>
          </div>
        );
      },
    }),
    column.accessor((p) => p.problem ?? '', {
      id: 'status',
      header: 'Status',
      sortingFn: byProblem,
      cell: ({ row }) =>
        row.original.problem ? (
          <span className="status status--warn">
            <WarningIcon />
            <span>{row.original.problem}</span>
          </span>
        ) : (
          <span className="status status--ok">
            <CheckIcon />
            <span>Configured</span>
          </span>
        ),
    }),
  ];
}

/** Where a profile was found, as the Profile column's second line says it. */
export function describeSources(sources: ProfileSummary['sources']): string {
  return sources.map((source) => (source === 'app' ? 'added this run' : source)).join(' + ');
}
