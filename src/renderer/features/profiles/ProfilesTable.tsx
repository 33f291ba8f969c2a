import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { ProfileSummary } from '../../../shared/ipc/channels/profiles';
import { SortIcon } from '../../ui/icons';
import { profileColumns } from './profile-columns';

interface Props {
  profiles: ProfileSummary[];
  activeNames: readonly string[];
  onToggleActive: (name: string) => void;
  /** Shown in the one body row when a filter leaves nothing. */
  emptyMessage: string;
}

export function ProfilesTable({ profiles, activeNames, onToggleActive, emptyMessage }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => profileColumns(new Set(activeNames), onToggleActive), [activeNames, onToggleActive]);
  const table = useReactTable({
    data: profiles,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => p.name,
  });

  return (
    <div className="table-frame">
      <table className="data-table profiles-table" aria-describedby="view-title">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const sortable = header.column.getCanSort() && header.column.id !== 'active';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`col-${header.column.id}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : sortable ? 'none' : undefined}
                  >
                    {sortable ? (
                      <button type="button" className="th-sort" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <SortIcon sort={sorted} className="th-sort__icon" />
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="data-table__empty">
                {emptyMessage}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-profile={row.original.name} className={row.original.problem ? 'row--problem' : undefined}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
