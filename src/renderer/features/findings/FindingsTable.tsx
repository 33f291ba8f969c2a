import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { FindingRow } from '../../../shared/ipc/channels/findings';
import { SortIcon } from '../../ui/icons';
import { fitColumns } from './column-fit';
import { FLEX_MIN_WIDTH, findingColumns } from './finding-columns';
import { findingKey } from './evidence-link';
import type { FindingsSort } from './use-findings-list';

const ROW_HEIGHT = 34;
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;

interface Props {
  rows: FindingRow[];
  total: number;
  sort: FindingsSort;
  onSort(sort: FindingsSort): void;
  selected: ReadonlySet<string>;
  onSelect(keys: string[], selected: boolean): void;
  openKey: string | undefined;
  onOpen(row: FindingRow): void;
  onNeedMore(): void;
  emptyMessage: ReactNode;
  now: number;
  /** The query the rows answer (see useFindingsList). */
  shownFor: string | undefined;
}

/**
 * The inbox grid: TanStack Table for the columns, TanStack Virtual so thousands of rows stay
 * light (only the visible ones are in the DOM). One tab stop: arrows move, Space selects, Enter
 * opens; the active row is announced through aria-activedescendant.
 */
export function FindingsTable({ rows, total, sort, onSort, selected, onSelect, openKey, onOpen, onNeedMore, emptyMessage, now, shownFor }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  const [active, setActive] = useState(0);
  const lastClicked = useRef<number | undefined>(undefined);
  const columns = useMemo(() => findingColumns(now), [now]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 1000));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const columnVisibility = useMemo<VisibilityState>(() => {
    const visible = fitColumns(
      columns.map((c) => ({ id: c.id ?? '', size: c.size ?? 0, minWidth: FLEX_MIN_WIDTH[c.id ?? ''], hidePriority: c.meta?.hidePriority ?? 0 })),
      width,
    );
    return Object.fromEntries(columns.map((c) => [c.id ?? '', visible.has(c.id ?? '')]));
  }, [columns, width]);

  const table = useReactTable({ data: rows, columns, state: { columnVisibility }, getCoreRowModel: getCoreRowModel(), getRowId: (r) => findingKey(r), manualSorting: true });
  const visibleColumns = table.getVisibleLeafColumns();

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (rows.length > 0 && lastIndex >= rows.length - PREFETCH_ROWS) onNeedMore();
  }, [lastIndex, rows.length, onNeedMore]);
  useEffect(() => {
    if (active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [active, rows.length]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const allKeys = rows.map(findingKey);
  const selectedHere = allKeys.filter((k) => selected.has(k)).length;

  function move(to: number) {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const row = rows[active];
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          move(active + 1);
          return true;
        case 'ArrowUp':
        case 'k':
          move(active - 1);
          return true;
        case 'PageDown':
          move(active + 15);
          return true;
        case 'PageUp':
          move(active - 15);
          return true;
        case 'Home':
          move(0);
          return true;
        case 'End':
          move(rows.length - 1);
          return true;
        case ' ':
        case 'x':
          if (row) onSelect([findingKey(row)], !selected.has(findingKey(row)));
          return true;
        case 'Enter':
          if (row) onOpen(row);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  }

  function onCheckbox(index: number, event: MouseEvent<HTMLInputElement>) {
    event.stopPropagation();
    const key = allKeys[index]!;
    const to = !selected.has(key);
    // Shift-click selects the range from the last box clicked, as mail clients do.
    if (event.shiftKey && lastClicked.current !== undefined) {
      const [from, until] = [Math.min(lastClicked.current, index), Math.max(lastClicked.current, index)];
      onSelect(allKeys.slice(from, until + 1), to);
    } else onSelect([key], to);
    lastClicked.current = index;
    setActive(index);
  }

  function sortBy(key: NonNullable<FindingsSort['by']>) {
    if (sort.by !== key) onSort({ by: key, dir: 'asc' });
    else if (sort.dir === 'asc') onSort({ by: key, dir: 'desc' });
    else onSort({ by: 'severity', dir: 'asc' });
  }

  const activeRow = rows[active];
  return (
    <div className="findings-table" ref={scrollRef} data-testid="findings-table" data-shown-for={shownFor}>
      <table
        className="data-table findings-grid"
        role="grid"
        aria-label="Findings"
        aria-rowcount={total + 1}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={activeRow ? rowDomId(active) : undefined}
        onKeyDown={onKeyDown}
        data-testid="findings-grid"
      >
        <colgroup>
          {visibleColumns.map((c) => (
            <col key={c.id} style={c.columnDef.size ? { width: c.columnDef.size } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {table.getFlatHeaders().filter((h) => h.column.getIsVisible()).map((header) => {
              const sortKey = header.column.columnDef.meta?.sortKey;
              const sorted = sortKey && sort.by === sortKey ? sort.dir : false;
              if (header.column.id === 'select') {
                return (
                  <th key={header.id} scope="col" className="col-select">
                    <input
                      type="checkbox"
                      aria-label="Select every loaded finding"
                      checked={rows.length > 0 && selectedHere === rows.length}
                      ref={(el) => {
                        if (el) el.indeterminate = selectedHere > 0 && selectedHere < rows.length;
                      }}
                      onChange={(e) => onSelect(allKeys, e.target.checked)}
                    />
                  </th>
                );
              }
              return (
                <th key={header.id} scope="col" className={`col-${header.column.id}`} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : sortKey ? 'none' : undefined}>
                  {sortKey ? (
                    <button type="button" className="th-sort" onClick={() => sortBy(sortKey)}>
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
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={visibleColumns.length} className="data-table__empty">
                {emptyMessage}
              </td>
            </tr>
          ) : null}
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="findings-spacer">
              <td colSpan={visibleColumns.length} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = table.getRowModel().rows[item.index];
            if (!row) return null;
            const key = row.id;
            const isSelected = selected.has(key);
            const classes = ['findings-row', isSelected ? 'is-selected' : '', key === openKey ? 'is-open' : '', item.index === active ? 'is-active' : ''].filter(Boolean).join(' ');
            return (
              <tr
                key={key}
                id={rowDomId(item.index)}
                className={classes}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-finding-id={row.original.id}
                data-status={row.original.status}
                onClick={() => {
                  setActive(item.index);
                  onOpen(row.original);
                }}
                style={{ height: ROW_HEIGHT }}
              >
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'select' ? (
                    <td key={cell.id} className="col-select">
                      <input type="checkbox" tabIndex={-1} checked={isSelected} aria-label={`Select ${row.original.resource}`} onClick={(e) => onCheckbox(item.index, e)} onChange={() => undefined} />
                    </td>
                  ) : (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="findings-spacer">
              <td colSpan={visibleColumns.length} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function rowDomId(index: number): string {
  return `finding-row-${index}`;
}
