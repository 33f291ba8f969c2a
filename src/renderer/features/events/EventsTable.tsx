import { flexRender, getCoreRowModel, useReactTable, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { EventRow } from '../../../shared/ipc/channels/events';
import type { DisplayError } from '../../api/display-error';
import { eventColumns } from './event-columns';

/** Every row is this tall (events.css agrees): fixed heights let the virtualizer skip measuring. */
export const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;
/** Start the next page this many rows before the end, so fast scrolling rarely reaches the end. */
const PREFETCH_ROWS = 150;

export interface EventsTableHandle {
  focus(): void;
}

interface Props {
  rows: EventRow[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: DisplayError | undefined;
  loadMore(): void;
  /** Rows answering another search: back to the top. */
  resultKey: string;
  selectedIndex: number | undefined;
  /** A row was clicked: select it and open its detail. */
  onOpenRow(key: string): void;
  checked: ReadonlySet<string>;
  onToggleCheck(key: string): void;
  /** Greys the rows while a new search runs, instead of emptying the table. */
  stale: boolean;
  ref?: Ref<EventsTableHandle>;
}

/**
 * The results: TanStack Table for the columns, TanStack Virtual for the rows. Only the rows in
 * view (plus a margin) are in the DOM, so a million matches scroll like a hundred; pages arrive
 * by cursor as the end comes near. One focusable grid; the selected row is its active descendant.
 */
export function EventsTable({ rows, total, hasMore, loadingMore, moreError, loadMore, resultKey, selectedIndex, onOpenRow, checked, onToggleCheck, stale, ref }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => eventColumns(checked, onToggleCheck), [checked, onToggleCheck]);
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.key });
  const tableRows = table.getRowModel().rows;
  const footer = hasMore || moreError !== undefined;

  const virtualizer = useVirtualizer({
    count: tableRows.length + (footer ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
    scrollMargin: HEADER_HEIGHT,
    // The sticky header covers the first pixels: a row scrolled "into view" must land below it.
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();

  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && !moreError && lastIndex >= tableRows.length - PREFETCH_ROWS) loadMore();
  }, [lastIndex, tableRows.length, hasMore, loadingMore, moreError, loadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resultKey]);

  useEffect(() => {
    if (selectedIndex !== undefined) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const selectedKey = selectedIndex === undefined ? undefined : rows[selectedIndex]?.key;

  return (
    <div
      ref={scrollRef}
      className={stale ? 'events-grid events-grid--stale' : 'events-grid'}
      role="grid"
      aria-label="Events, newest first"
      aria-keyshortcuts="ArrowUp ArrowDown Enter Escape Space"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedKey ? rowId(selectedKey) : undefined}
      aria-busy={stale}
      tabIndex={0}
      data-testid="events-table"
      data-rows-loaded={rows.length}
    >
      {table.getHeaderGroups().map((group) => (
        <div key={group.id} className="events-grid__row events-grid__head" role="row" aria-rowindex={1}>
          {group.headers.map((header) => (
            <div key={header.id} className={`events-grid__cell col-${header.column.id}`} role="columnheader">
              {flexRender(header.column.columnDef.header, header.getContext())}
            </div>
          ))}
        </div>
      ))}
      <div className="events-grid__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = tableRows[item.index];
          const top = item.start - HEADER_HEIGHT;
          if (!row) {
            return (
              <div key="footer" className="events-grid__row events-grid__footer" role="row" style={{ transform: `translateY(${top}px)` }}>
                <div role="gridcell" className="events-grid__footer-cell">
                  {moreError ? (
                    <span className="text-danger">
                      Could not load more events: {moreError.message}{' '}
                      <button type="button" className="link-button" onClick={loadMore}>
                        Try again
                      </button>
                    </span>
                  ) : (
                    <span className="muted" role="status">
                      Loading more events…
                    </span>
                  )}
                </div>
              </div>
            );
          }
          return (
            <EventGridRow
              key={row.id}
              row={row}
              index={item.index}
              top={top}
              selected={row.original.key === selectedKey}
              checked={checked.has(row.original.key)}
              domId={rowId(row.original.key)}
              onOpenRow={onOpenRow}
            />
          );
        })}
      </div>
    </div>
  );
}

const rowId = (key: string) => `event-row-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * One row, memoized: while scrolling, a row keeps its props (an index keeps its offset), so only
 * the rows coming into view render; the others are left alone.
 */
const EventGridRow = memo(function EventGridRow({ row, index, top, selected, checked, domId, onOpenRow }: { row: Row<EventRow>; index: number; top: number; selected: boolean; checked: boolean; domId: string; onOpenRow(key: string): void }) {
  return (
    <div
      id={domId}
      className={`events-grid__row${selected ? ' is-selected' : ''}${checked ? ' is-checked' : ''}${row.original.errorCode ? ' has-error' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-event-key={row.original.key}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpenRow(row.original.key)}
    >
      {row.getVisibleCells().map((cell) => (
        <div key={cell.id} className={`events-grid__cell col-${cell.column.id}`} role="gridcell">
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
});
