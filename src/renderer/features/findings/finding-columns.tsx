import { createColumnHelper } from '@tanstack/react-table';
import type { FindingRow, FindingSortKey } from '../../../shared/ipc/channels/findings';
import { Badge } from '../../ui/Badge';
import { formatAge, formatTime } from './finding-format';
import { findingTypeLabel, resourceTypeLabel, severityOf, shortResource, STATUS_TONES, statusLabel, triageLabel } from './finding-labels';

const column = createColumnHelper<FindingRow>();

export interface ColumnMeta {
  /** The server's sort key for this column, when it sorts. */
  sortKey?: FindingSortKey;
  /** Columns with a higher number give way first when the table is narrow (0 = never). */
  hidePriority: number;
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    sortKey?: FindingSortKey;
    hidePriority?: number;
  }
}

/**
 * The inbox columns. Widths are fixed so the virtual rows line up with the header; resource and
 * principal take what is left. Every cell is one line with the full text in its title.
 */
export function findingColumns(now: number) {
  return [
    column.display({ id: 'select', size: 34, meta: { hidePriority: 0 }, header: () => null, cell: () => null }),
    column.accessor((r) => severityOf(r).rank, {
      id: 'severity',
      header: 'Severity',
      size: 88,
      meta: { hidePriority: 0 },
      cell: ({ row }) => {
        const s = severityOf(row.original);
        return <Badge tone={s.tone}>{s.label}</Badge>;
      },
    }),
    column.accessor('findingType', {
      id: 'type',
      header: 'Type',
      size: 118,
      meta: { sortKey: 'type', hidePriority: 4 },
      cell: ({ getValue }) => <span className="cell-text">{findingTypeLabel(getValue())}</span>,
    }),
    column.accessor('resource', {
      id: 'resource',
      header: 'Resource',
      size: 0,
      meta: { sortKey: 'resource', hidePriority: 0 },
      cell: ({ getValue }) => (
        <span className="cell-text cell-text--strong" title={getValue()}>
          {shortResource(getValue())}
        </span>
      ),
    }),
    column.accessor('resourceType', {
      id: 'resourceType',
      header: 'Resource type',
      size: 120,
      meta: { hidePriority: 5 },
      cell: ({ getValue }) => (
        <span className="cell-text muted" title={getValue()}>
          {resourceTypeLabel(getValue())}
        </span>
      ),
    }),
    column.accessor('resourceOwnerAccount', {
      id: 'account',
      header: 'Account',
      size: 110,
      meta: { sortKey: 'account', hidePriority: 2 },
      cell: ({ getValue }) => <span className="mono cell-text">{getValue()}</span>,
    }),
    column.accessor('region', {
      id: 'region',
      header: 'Region',
      size: 120,
      meta: { sortKey: 'region', hidePriority: 3 },
      cell: ({ getValue }) => <span className="mono cell-text">{getValue()}</span>,
    }),
    column.accessor('principal', {
      id: 'principal',
      header: 'Principal · access',
      size: 0,
      meta: { hidePriority: 1 },
      // For unused access the principal is the resource itself: the column says what went unused.
      cell: ({ row }) =>
        row.original.analyzerKind === 'unused' ? (
          <span className="cell-text" title={row.original.access}>
            {row.original.access}
          </span>
        ) : (
          <span className="cell-text" title={`${row.original.principal}\n${row.original.access}`}>
            <span className="findings-principal">{row.original.principal}</span>
            <span className="muted"> · {row.original.access}</span>
          </span>
        ),
    }),
    column.accessor('status', {
      id: 'status',
      header: 'Status',
      size: 104,
      meta: { sortKey: 'status', hidePriority: 0 },
      cell: ({ row }) => (
        <span className="findings-status">
          <Badge tone={STATUS_TONES[row.original.status] ?? 'neutral'}>{statusLabel(row.original.status)}</Badge>
          {row.original.triage ? (
            <span className="findings-triage-dot" title={`${triageLabel(row.original.triage)} · ${formatTime(row.original.triage.at)} · ${row.original.triage.who}`} aria-label={triageLabel(row.original.triage)} />
          ) : null}
        </span>
      ),
    }),
    column.accessor('createdAt', {
      id: 'age',
      header: 'Age',
      size: 60,
      meta: { sortKey: 'created', hidePriority: 3 },
      cell: ({ getValue }) => (
        <span className="cell-text muted" title={`Created ${formatTime(getValue())}`}>
          {formatAge(getValue(), now)}
        </span>
      ),
    }),
  ];
}

/** Minimum widths the flexible columns need, for deciding which columns fit. */
export const FLEX_MIN_WIDTH: Record<string, number> = { resource: 165, principal: 165 };
