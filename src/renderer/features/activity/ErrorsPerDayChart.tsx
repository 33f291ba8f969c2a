import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { eventsHash } from '../events/events-hash';
import type { TimeRangeId } from '../events/time-range';
import { dayLabel, eventsQueryFor } from './activity-data';
import { ChartCard } from './ChartCard';
import { axisTick, gridStroke, tooltipStyle } from './chart-theme';

export interface ErrorDay {
  day: string;
  denied: number;
  other: number;
}

/** Failed calls per day, access denied apart: a spike of AccessDenied is someone probing what they may do. */
export function ErrorsPerDayChart({ rows, range, onOpen }: { rows: ErrorDay[]; range: TimeRangeId; onOpen: (query: string) => void }) {
  const denied = rows.reduce((s, r) => s + r.denied, 0);
  const other = rows.reduce((s, r) => s + r.other, 0);
  const peak = rows.reduce<ErrorDay | undefined>((max, r) => (!max || r.denied > max.denied ? r : max), undefined);
  const summary = `${denied} access-denied and ${other} other failed calls${peak && peak.denied > 0 ? `; most denials on ${dayLabel(peak.day)} (${peak.denied})` : ''}.`;
  const open = (day: string, deniedOnly: boolean) => onOpen(eventsQueryFor({ range, day, ...(deniedOnly ? { deniedOnly: true } : { error: '*' }) }));

  return (
    <ChartCard
      title="Errors per day"
      subtitle={
        <>
          <strong>{denied.toLocaleString('en-US')}</strong> access denied · <strong>{other.toLocaleString('en-US')}</strong> other errors. Click a bar to see them.
        </>
      }
      summary={summary}
      testId="chart-errors-per-day"
      table={
        <table className="data-table chart-table">
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col" className="num">
                Access denied
              </th>
              <th scope="col" className="num">
                Other errors
              </th>
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((r) => r.denied + r.other > 0)
              .map((r) => (
                <tr key={r.day}>
                  <th scope="row">{r.day}</th>
                  <td className="num">{r.denied > 0 ? <a href={eventsHash(eventsQueryFor({ range, day: r.day, deniedOnly: true }))}>{r.denied}</a> : <span className="muted">0</span>}</td>
                  <td className="num">{r.other > 0 ? <a href={eventsHash(eventsQueryFor({ range, day: r.day, error: '*' }))}>{r.other}</a> : <span className="muted">0</span>}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={gridStroke} vertical={false} />
          <XAxis dataKey="day" tickFormatter={dayLabel} tick={axisTick} tickLine={false} axisLine={{ stroke: gridStroke }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={44} />
          <Tooltip {...tooltipStyle} labelFormatter={(day) => `${dayLabel(String(day))} (UTC)`} />
          <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" iconSize={10} />
          <Bar dataKey="denied" name="Access denied" stackId="errors" fill="var(--chart-denied)" cursor="pointer" onClick={(bar) => open(String((bar.payload as ErrorDay).day), true)} isAnimationActive={false} />
          <Bar dataKey="other" name="Other errors" stackId="errors" fill="var(--chart-error)" cursor="pointer" onClick={(bar) => open(String((bar.payload as ErrorDay).day), false)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
