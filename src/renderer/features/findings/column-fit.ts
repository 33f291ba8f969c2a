export interface FitColumn {
  id: string;
  /** Fixed width in px; 0 for a column that takes what is left. */
  size: number;
  /** For flexible columns: the least they need. */
  minWidth?: number;
  /** Higher gives way first; 0 never hides. */
  hidePriority: number;
}

/**
 * Which columns fit a table this wide: drop the most expendable ones until the rest fit, so a
 * narrow window (or the open detail pane) keeps resource, severity and status readable.
 */
export function fitColumns(columns: readonly FitColumn[], width: number): Set<string> {
  const visible = new Set(columns.map((c) => c.id));
  const need = () => columns.filter((c) => visible.has(c.id)).reduce((sum, c) => sum + (c.size || c.minWidth || 0), 0);
  const expendable = [...columns].filter((c) => c.hidePriority > 0).sort((a, b) => b.hidePriority - a.hidePriority || columns.indexOf(b) - columns.indexOf(a));
  for (const column of expendable) {
    if (need() <= width) break;
    visible.delete(column.id);
  }
  return visible;
}
