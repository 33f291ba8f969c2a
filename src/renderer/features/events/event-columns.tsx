import { createColumnHelper } from '@tanstack/react-table';
import type { EventRow } from '../../../shared/ipc/channels/events';
import { formatLocalTime, formatUtcTime, readOnlyLabel, shortSource } from './event-format';

const column = createColumnHelper<EventRow>();

/**
 * The results' columns. Widths live in one CSS grid template (events.css, `--events-columns`),
 * in this order, so the header and every virtual row line up without measuring anything.
 */
export function eventColumns(checked: ReadonlySet<string>, onToggleCheck: (key: string) => void) {
  return [
    column.display({
      id: 'select',
      header: () => <span className="sr-only">Select for compare</span>,
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="cell-checkbox"
          checked={checked.has(row.original.key)}
          onChange={() => onToggleCheck(row.original.key)}
          onClick={(event) => event.stopPropagation()}
          aria-label={`Select ${row.original.eventName ?? 'event'} at ${formatLocalTime(row.original.eventTime)} for compare`}
          tabIndex={-1}
        />
      ),
    }),
    column.accessor('eventTime', {
      id: 'time',
      header: 'Time (local)',
      cell: ({ getValue }) => (
        <span className="mono" title={formatUtcTime(getValue())}>
          {formatLocalTime(getValue())}
        </span>
      ),
    }),
    column.accessor('eventName', { id: 'event', header: 'Event', cell: ({ getValue }) => <span className="event-name" title={getValue() ?? undefined}>{getValue() ?? '—'}</span> }),
    column.accessor('eventSource', { id: 'source', header: 'Source', cell: ({ getValue }) => <span title={getValue() ?? undefined}>{shortSource(getValue())}</span> }),
    column.accessor('principal', { id: 'principal', header: 'Principal', cell: ({ row, getValue }) => <span title={`${getValue()} (${row.original.principalType})`}>{getValue()}</span> }),
    column.accessor('account', { id: 'account', header: 'Account', cell: ({ getValue }) => <span className="mono">{getValue() ?? '—'}</span> }),
    column.accessor('region', { id: 'region', header: 'Region', cell: ({ getValue }) => getValue() ?? '—' }),
    column.accessor('sourceIp', { id: 'ip', header: 'IP', cell: ({ getValue }) => <span className="mono" title={getValue() ?? undefined}>{getValue() ?? '—'}</span> }),
    column.accessor('errorCode', { id: 'error', header: 'Error', cell: ({ getValue }) => (getValue() ? <span className="cell-error" title={getValue() ?? undefined}>{getValue()}</span> : <span className="muted">—</span>) }),
    column.accessor('readOnly', {
      id: 'readonly',
      header: () => <abbr title="Read-only call, or a write">R/W</abbr>,
      cell: ({ getValue }) => <span className={getValue() === false ? 'cell-write' : 'muted'}>{readOnlyLabel(getValue())}</span>,
    }),
  ];
}
