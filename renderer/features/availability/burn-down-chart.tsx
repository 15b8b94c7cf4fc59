import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import type { FunctionGroup } from '../../../shared/sla/availability.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { formatBudgetDuration, hourTicks, monthStarts, remainingAt, type RemainingPoint } from './figures.ts';

const HOUR = 3_600_000;
const HEIGHT = 260;
/** What the chart starts at before the browser has measured it (jsdom never does). */
const INITIAL = { width: 720, height: HEIGHT } as const;
/** Colour and dash per group: told apart without colour too. */
const STROKE: Readonly<Record<FunctionGroup, { readonly color: string; readonly dash?: string }>> = {
  autodialer: { color: '#1f4fa8' },
  inbound: { color: '#9a3c00', dash: '6 3' },
};

/** One group's burn-down for the chart. */
export interface BurnDownSeries {
  readonly group: FunctionGroup;
  readonly points: readonly RemainingPoint[];
}

/**
 * The budget left across the year, one line per group (recharts). Month ticks in the console's
 * language, whole-hour ticks that widen once the budget is overrun by far; the same figures are in
 * the table beside it, so the chart is one image to assistive technology.
 */
export function BurnDownChart({ year, zone, yearStart, yearEnd, budgetMs, series, label }: {
  readonly year: number;
  readonly zone: string;
  readonly yearStart: number;
  readonly yearEnd: number;
  readonly budgetMs: number;
  readonly series: readonly BurnDownSeries[];
  readonly label: string;
}) {
  const t = useT();
  const lang = useLanguage();
  // One row per instant any group has a point at; the lines are straight between points, so reading
  // the other groups there is exact and the tooltip shows every group at the same instant.
  const instants = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
  const data = instants.map((at) => Object.fromEntries([['at', at], ...series.map((s) => [s.group, remainingAt(s.points, at) / HOUR])]) as Record<string, number>);
  const lowest = Math.min(0, ...data.flatMap((row) => series.map((s) => row[s.group] ?? 0)));
  const ticks = hourTicks(lowest, budgetMs / HOUR);
  const remaining = (hours: number): string => (hours < 0 ? t('availability.overrunBy', { duration: formatBudgetDuration(lang, hours * HOUR) }) : formatBudgetDuration(lang, hours * HOUR));
  return (
    <div role="img" aria-label={label} className="burn-down-chart">
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={INITIAL}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e6eb" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[yearStart, yearEnd]}
            ticks={[...monthStarts(year, zone)]}
            tickFormatter={(at: number) => formatInstant(lang, at, zone, 'LLL')}
            interval="preserveStartEnd"
            minTickGap={8}
          />
          <YAxis
            type="number"
            domain={[ticks[0] ?? 0, ticks[ticks.length - 1] ?? budgetMs / HOUR]}
            ticks={[...ticks]}
            tickFormatter={(h: number) => t('availability.hoursTick', { hours: h })}
            width={56}
          />
          <ReferenceLine y={0} stroke="#8a0015" strokeWidth={1.5} />
          <Tooltip
            labelFormatter={(at) => formatInstant(lang, Number(at), zone, 'd LLL yyyy, HH:mm')}
            formatter={(hours) => remaining(Number(hours))}
          />
          <Legend />
          {series.map((s) => (
            <Line
              key={s.group}
              dataKey={s.group}
              name={t(`group.${s.group}`)}
              type="linear"
              stroke={STROKE[s.group].color}
              strokeDasharray={STROKE[s.group].dash}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
