import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { eventsHash } from '../events/events-hash';
import type { TimeRangeId } from '../events/time-range';
import { dayLabel, eventsQueryFor, type DayRow } from './activity-data';
import { ChartCard } from './ChartCard';
import { axisTick, gridStroke, OTHER_ACCOUNTS, seriesColor, tooltipStyle } from './chart-theme';

interface Props {
  rows: DayRow[];
  accounts: string[];
  range: TimeRangeId;
  layout: 'stacked' | 'multiples';
  onOpen(query: string): void;
}

function queryFor(range: TimeRangeId, day: string, account: string | undefined) {
  return eventsQueryFor({ range, day, account: account && account !== OTHER_ACCOUNTS ? account : undefined });
}

/** Events per UTC day, per account: stacked in one chart, or one small chart per account on a shared scale. */
export function EventsPerDayChart({ rows, accounts, range, layout, onOpen }: Props) {
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const busiest = rows.reduce<DayRow | undefined>((max, r) => (!max || r.total > max.total ? r : max), undefined);
  const summary = `Events per day for ${accounts.length} accounts, ${total} in all${busiest && busiest.total > 0 ? `; the busiest day was ${dayLabel(busiest.day)} with ${busiest.total}` : ''}.`;
  const yMax = Math.max(1, ...rows.flatMap((r) => accounts.map((a) => Number(r[a] ?? 0))));

  return (
    <ChartCard
      title="Events per day, by account"
      subtitle="Click a bar to see that account's events of that day (UTC)."
      summary={summary}
      className="chart-card--wide"
      testId="chart-events-per-day"
      table={<PerDayTable rows={rows} accounts={accounts} range={range} />}
    >
      {layout === 'stacked' ? (
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
            <CartesianGrid stroke={gridStroke} vertical={false} />
            <XAxis dataKey="day" tickFormatter={dayLabel} tick={axisTick} tickLine={false} axisLine={{ stroke: gridStroke }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={44} />
            <Tooltip {...tooltipStyle} labelFormatter={(day) => `${dayLabel(String(day))} (UTC)`} />
            <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" iconSize={10} />
            {accounts.map((account, i) => (
              <Bar key={account} dataKey={account} name={account} stackId="events" fill={seriesColor(i)} cursor="pointer" onClick={(bar) => onOpen(queryFor(range, String((bar.payload as DayRow).day), account))} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <div className="small-multiples">
          {accounts.map((account, i) => {
            const sum = rows.reduce((s, r) => s + Number(r[account] ?? 0), 0);
            return (
              <div key={account} className="small-multiple" data-account={account}>
                <p className="small-multiple__title">
                  <span className="small-multiple__swatch" style={{ background: seriesColor(i) }} aria-hidden="true" />
                  <span className="mono">{account}</span>
                  <span className="muted">{sum.toLocaleString('en-US')}</span>
                </p>
                <ResponsiveContainer width="100%" height={84}>
                  <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
                    <YAxis hide domain={[0, yMax]} />
                    <XAxis dataKey="day" hide />
                    <Tooltip {...tooltipStyle} labelFormatter={(day) => `${dayLabel(String(day))} (UTC)`} />
                    <Bar dataKey={account} name={account} fill={seriesColor(i)} cursor="pointer" onClick={(bar) => onOpen(queryFor(range, String((bar.payload as DayRow).day), account))} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            );
          })}
        </div>
      )}
    </ChartCard>
  );
}

function PerDayTable({ rows, accounts, range }: { rows: DayRow[]; accounts: string[]; range: TimeRangeId }) {
  return (
    <table className="data-table chart-table">
      <thead>
        <tr>
          <th scope="col">Day (UTC)</th>
          {accounts.map((a) => (
            <th key={a} scope="col" className="num mono">
              {a}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows
          .filter((r) => r.total > 0)
          .map((r) => (
            <tr key={r.day}>
              <th scope="row">{r.day}</th>
              {accounts.map((a) => (
                <td key={a} className="num">
                  {Number(r[a] ?? 0) > 0 ? <a href={eventsHash(queryFor(range, r.day, a))}>{Number(r[a]).toLocaleString('en-US')}</a> : <span className="muted">0</span>}
                </td>
              ))}
              <td className="num">
                <a href={eventsHash(eventsQueryFor({ range, day: r.day }))}>{r.total.toLocaleString('en-US')}</a>
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
