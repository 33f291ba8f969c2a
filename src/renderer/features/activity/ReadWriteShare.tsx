import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { eventsHash } from '../events/events-hash';
import type { TimeRangeId } from '../events/time-range';
import { eventsQueryFor } from './activity-data';
import { ChartCard } from './ChartCard';
import { tooltipStyle } from './chart-theme';

/** Reads against writes: writes are the changes an audit traces; a read-heavy principal may be mapping the estate. */
export function ReadWriteShare({ reads, writes, total, range, onOpen }: { reads: number; writes: number; total: number; range: TimeRangeId; onOpen: (query: string) => void }) {
  const unknown = Math.max(0, total - reads - writes);
  const slices = [
    { key: 'write', label: 'Writes', count: writes, color: 'var(--chart-write)', query: eventsQueryFor({ range, readOnly: false }) },
    { key: 'read', label: 'Read-only', count: reads, color: 'var(--chart-read)', query: eventsQueryFor({ range, readOnly: true }) },
    ...(unknown > 0 ? [{ key: 'unknown', label: 'Not recorded', count: unknown, color: 'var(--chart-8)', query: '' }] : []),
  ];
  const percent = (n: number) => (total > 0 ? `${Math.round((n / total) * 100)} %` : '0 %');
  const summary = `${percent(writes)} writes (${writes}), ${percent(reads)} read-only (${reads})${unknown ? `, ${unknown} without a readOnly flag` : ''}.`;

  return (
    <ChartCard
      title="Read vs write"
      summary={summary}
      testId="chart-read-write"
      table={
        <table className="data-table chart-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Events
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {slices.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.query ? <a href={eventsHash(s.query)}>{s.label}</a> : s.label}</th>
                <td className="num">{s.count.toLocaleString('en-US')}</td>
                <td className="num">{percent(s.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div className="read-write">
        <ResponsiveContainer width={168} height={168}>
          <PieChart accessibilityLayer={false}>
            <Pie data={slices} dataKey="count" nameKey="label" innerRadius={48} outerRadius={78} paddingAngle={1} stroke="var(--surface)" isAnimationActive={false} onClick={(slice) => (slice.payload as { query: string }).query && onOpen((slice.payload as { query: string }).query)} cursor="pointer">
              {slices.map((s) => (
                <Cell key={s.key} fill={s.color} />
              ))}
            </Pie>
            <Tooltip {...tooltipStyle} />
          </PieChart>
        </ResponsiveContainer>
        <ul className="read-write__legend">
          {slices.map((s) => (
            <li key={s.key}>
              <span className="read-write__swatch" style={{ background: s.color }} aria-hidden="true" />
              <span className="read-write__label">{s.label}</span>
              <strong className="read-write__percent">{percent(s.count)}</strong>
              <span className="muted">{s.count.toLocaleString('en-US')}</span>
            </li>
          ))}
        </ul>
      </div>
    </ChartCard>
  );
}
