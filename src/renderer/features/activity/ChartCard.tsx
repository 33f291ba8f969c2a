import { useId, type ReactNode } from 'react';

/**
 * A chart with its title, a one-line summary for screen readers and the same numbers as a
 * table under "Show as table": the table is the accessible (and keyboard) way to every point.
 */
export function ChartCard({ title, subtitle, summary, table, children, className, testId }: { title: string; subtitle?: ReactNode; summary: string; table: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  const id = useId();
  return (
    <section className={className ? `chart-card ${className}` : 'chart-card'} aria-labelledby={`${id}-title`} data-testid={testId}>
      <header className="chart-card__header">
        <h2 id={`${id}-title`} className="chart-card__title">
          {title}
        </h2>
        {subtitle ? <p className="chart-card__subtitle">{subtitle}</p> : null}
      </header>
      <div className="chart-card__chart" role="img" aria-label={summary}>
        {children}
      </div>
      <details className="chart-card__table">
        <summary>Show as table</summary>
        <div className="chart-card__table-frame">{table}</div>
      </details>
    </section>
  );
}
