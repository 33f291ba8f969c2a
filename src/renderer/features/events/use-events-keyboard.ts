import { useEffect, useRef } from 'react';

interface Options {
  rowCount: number;
  selectedIndex: number | undefined;
  detailOpen: boolean;
  onMove(index: number): void;
  onOpen(): void;
  onClose(): void;
  /** Space: marks the selected row for compare (the row checkboxes are not tab stops). */
  onToggleCheck(index: number): void;
}

/**
 * Keys that belong to whatever has focus: a field being typed in, a dialog or popover, a region
 * that scrolls by arrows itself (the detail, the facets), a button that Enter presses. Escape
 * still closes the detail from anywhere but a field, a dialog or a popover.
 */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (target.closest('dialog, .popover')) return true;
  if (key === 'Escape') return false;
  if (target.closest('.event-detail, .facets, .sync-status')) return true;
  return key === 'Enter' && target.closest('button, a[href], summary') !== null;
}

/**
 * The results by keyboard: ↑/↓ move the selected row (and the detail follows when open), Enter
 * opens the detail, Escape closes it, Space marks the row for compare. `/` (focus the query) is
 * the shell's global shortcut.
 */
export function useEventsKeyboard(options: Options) {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
      if (!['ArrowDown', 'ArrowUp', 'Enter', 'Escape', ' '].includes(event.key) || ownsKeys(event.target, event.key)) return;
      const { rowCount, selectedIndex, detailOpen, onMove, onOpen, onClose, onToggleCheck } = latest.current;
      if (event.key === 'Escape') {
        if (!detailOpen) return;
        event.preventDefault();
        onClose();
        return;
      }
      if (rowCount === 0) return;
      if (event.key === ' ') {
        // Space on a button presses it; on the grid it marks the row.
        if (selectedIndex === undefined || (event.target instanceof HTMLElement && event.target.closest('button, a[href], summary'))) return;
        event.preventDefault();
        onToggleCheck(selectedIndex);
        return;
      }
      event.preventDefault();
      if (event.key === 'Enter') {
        if (selectedIndex === undefined) onMove(0);
        onOpen();
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = selectedIndex === undefined ? 0 : Math.min(rowCount - 1, Math.max(0, selectedIndex + step));
      onMove(next);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
