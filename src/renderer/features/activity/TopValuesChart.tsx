import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FacetCount } from '../../../shared/ipc/channels/events';
import { eventsHash } from '../events/events-hash';
import { ChartCard } from './ChartCard';
import { axisTick, gridStroke, tooltipStyle } from './chart-theme';

const BAR_ROW = 26;

/** A top-ten as horizontal bars (long names stay readable); each bar opens its events. */
export function TopValuesChart({ title, noun, values, color, queryFor, onOpen, testId }: { title: string; noun: string; values: FacetCount[]; color: string; queryFor: (value: string) => string; onOpen: (query: string) => void; testId: string }) {
  const summary = values.length === 0 ? `No ${noun}s in this range.` : `Top ${noun}s: ${values.slice(0, 3).map((v) => `${v.value} (${v.count})`).join(', ')}.`;
  const shorten = (value: string) => (value.length > 28 ? `${value.slice(0, 27)}…` : value);
  return (
    <ChartCard
      title={title}
      summary={summary}
      testId={testId}
      table={
        <table className="data-table chart-table">
          <thead>
            <tr>
              <th scope="col">{noun[0]!.toUpperCase() + noun.slice(1)}</th>
              <th scope="col" className="num">
                Events
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => (
              <tr key={v.value}>
                <th scope="row" className="chart-table__value">
                  <a href={eventsHash(queryFor(v.value))}>{v.value}</a>
                </th>
                <td className="num">{v.count.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {values.length === 0 ? (
        <p className="chart-card__empty">None in this range.</p>
      ) : (
        <ResponsiveContainer width="100%" height={values.length * BAR_ROW + 28}>
          <BarChart data={values} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={gridStroke} horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axisTick} tickLine={false} axisLine={{ stroke: gridStroke }} />
            <YAxis type="category" dataKey="value" width={190} tick={axisTick} tickFormatter={shorten} tickLine={false} axisLine={false} interval={0} />
            <Tooltip {...tooltipStyle} />
            <Bar dataKey="count" name="Events" fill={color} cursor="pointer" barSize={16} radius={[0, 3, 3, 0]} onClick={(bar) => onOpen(queryFor(String((bar.payload as FacetCount).value)))} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
