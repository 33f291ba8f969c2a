/**
 * Chart colours come from CSS variables (activity.css), so the charts follow the light and dark
 * themes like everything else; SVG presentation attributes accept var() in every engine we ship.
 */
export const SERIES_COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)', 'var(--chart-7)', 'var(--chart-8)'] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

export const axisTick = { fill: 'var(--text-muted)', fontSize: 11 } as const;
export const gridStroke = 'var(--border)';
export const tooltipStyle = {
  contentStyle: { background: 'var(--surface-raised)', border: '1px solid var(--border-strong)', borderRadius: 6, color: 'var(--text)', fontSize: 12, boxShadow: 'var(--shadow-popover)' },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text)', padding: 0 },
  cursor: { fill: 'var(--surface-hover)' },
} as const;

/** More accounts than colours: the busiest keep their own, the rest share "Other accounts". */
export const MAX_ACCOUNT_SERIES = 7;
export const OTHER_ACCOUNTS = 'Other accounts';
