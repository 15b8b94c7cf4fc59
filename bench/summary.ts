/**
 * The targets of `npm run bench` as one table, from the benchmarks' result files. Pure: `read(name)`
 * gives bench/results/<name>.json parsed, or undefined when that benchmark has not run.
 */

/** One line of the table. */
export interface SummaryRow {
  readonly benchmark: string;
  readonly measure: string;
  readonly figure: string;
  readonly target: string;
  readonly verdict: string;
}

type Json = Record<string, unknown>;

/** The value at a dotted path, or undefined. */
export function at(json: unknown, path: string): unknown {
  let value: unknown = json;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Json)[key];
  }
  return value;
}

const num = (json: unknown, path: string): number | undefined => {
  const v = at(json, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const fmt = (v: number | undefined, unit: string): string => (v === undefined ? 'n/a' : `${v.toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`.trim());

/** A row with an upper bound: met when the figure is at most the target. */
function atMost(benchmark: string, measure: string, value: number | undefined, target: number, unit: string): SummaryRow {
  return { benchmark, measure, figure: fmt(value, unit), target: `<= ${fmt(target, unit)}`, verdict: value === undefined ? 'not run' : value <= target ? 'met' : 'MISSED' };
}

/** A row that only reports. */
function reported(benchmark: string, measure: string, figure: string): SummaryRow {
  return { benchmark, measure, figure, target: '-', verdict: 'reported' };
}

/** A row with a yes/no target. */
function holds(benchmark: string, measure: string, value: boolean | undefined, figure: string): SummaryRow {
  return { benchmark, measure, figure, target: 'yes', verdict: value === undefined ? 'not run' : value ? 'met' : 'MISSED' };
}

/** Every target of issue 13 (and the SLA engine's own), in the order. */
export function summaryRows(read: (name: string) => unknown): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const burst = read('outage-burst');
  for (const run of (at(burst, 'runs') as Json[] | undefined) ?? []) {
    const name = `1. outage burst, ${String(run.run ?? run.engine ?? '?')}`;
    rows.push(atMost(name, `event delivery p99, ${run.deliveryFrom === 'commit' ? 'the commit' : "the command's instant"} to all ${String(run.consoles ?? '')} consoles`, num(run, 'deliveryToAllMs.p99'), 50, 'ms'));
    const idle = ((at(run, 'idleStreamMs') as Json[] | undefined) ?? []).map((d) => fmt(num(d, 'p99'), 'ms'));
    rows.push(reported(name, 'event delivery p99 to an idle stream per instance (the service alone)', idle.length === 0 ? 'n/a' : idle.join(' / ')));
    rows.push(atMost(name, 'full-list reads caused by events', num(run, 'eventRefetches'), 0, ''));
    const mismatches = num(run, 'mismatches');
    rows.push(holds(name, "every console's rows equal a fresh read", mismatches === undefined ? undefined : mismatches === 0, fmt(mismatches, 'mismatches')));
    rows.push(reported(name, 'service CPU per event', fmt(num(run, 'serviceCpu.perEventMs'), 'ms')));
  }
  if (burst === undefined) rows.push({ benchmark: '1. outage burst', measure: 'all', figure: 'n/a', target: '-', verdict: 'not run' });

  const console = read('console');
  rows.push(atMost('2. queue, 10,000 open', 'default view (1,000 rows) p95', num(console, 'queueRowsMs.defaultPage1000.p95'), 30, 'ms'));
  const scale = read('scale');
  const open = num(scale, 'database.open');
  const bigOpen = open === undefined ? undefined : `open${open}`;
  rows.push(atMost(`2. queue, ${open?.toLocaleString('en') ?? '100,000'} open`, 'first page p95', bigOpen === undefined ? undefined : num(scale, `queue.${bigOpen}.firstPage.p95`), 150, 'ms'));

  const frames = read('console-frames');
  for (const phase of (at(frames, 'frames') as Json[] | undefined) ?? []) {
    // The bench's own verdict: a frame at 60 Hz is 16.7 ms, and Chromium's timestamps are coarsened
    // to 0.1 ms, so steady 60 fps reads as 16.6-16.8 ms (bench/frames/stats.ts allows 0.5 ms).
    const within = at(phase, 'frames.p95WithinBudget');
    rows.push({
      benchmark: '3. Chromium, 10,000 ticking',
      measure: `frame time p95, ${String(phase.name)}`,
      figure: fmt(num(phase, 'frames.p95'), 'ms'),
      target: '<= 16.7 ms (60 Hz)',
      verdict: typeof within !== 'boolean' ? 'not run' : within ? 'met' : 'MISSED',
    });
  }
  rows.push(atMost('3. Chromium, 10,000 ticking', 'login to first painted rows (median)', num(frames, 'loginToFirstRows.medianMs'), 500, 'ms'));
  rows.push(atMost('3. Chromium, 10,000 ticking', 'JS heap, peak', num(frames, 'heapMb.peak'), 150, 'MB'));
  const bundle = read('bundle');
  const gz = num(bundle, 'now.console.gzip');
  rows.push(atMost('3. production renderer', "console's first screen JS, gzipped", gz === undefined ? undefined : Math.round(gz / 1000), 250, 'kB'));

  const tickets = num(scale, 'database.tickets');
  const scaleName = `4. ${tickets?.toLocaleString('en') ?? '1,000,000'} tickets, SQLite`;
  rows.push(atMost(scaleName, 'service start-up (max of runs)', num(scale, 'startup.maxMs'), 2000, 'ms'));
  rows.push(reported(scaleName, 'RSS after start-up / after the queue', `${fmt(num(scale, 'memory.afterStartup.rssMb'), 'MB')} / ${fmt(num(scale, 'memory.afterQueue.rssMb'), 'MB')}`));

  const libraries = read('sla-libraries');
  for (const t of (at(libraries, 'targets') as Json[] | undefined) ?? []) {
    const ok = t.fastest === true && t.zeroDisagreements === true;
    rows.push(holds('5. SLA beside the libraries', `${String(t.workload)}: fastest, zero disagreements`, ok, ok ? 'yes' : String((t.missedBecause as string[] | undefined)?.join('; ') ?? 'no')));
  }
  if (libraries === undefined) rows.push({ benchmark: '5. SLA beside the libraries', measure: 'all', figure: 'n/a', target: '-', verdict: 'not run' });
  const sla = read('sla');
  const rate = num(sla, 'addWorkingTime20min.engine.opsPerSecond');
  rows.push({ benchmark: 'SLA engine', measure: 'addWorkingTime, 20-minute targets', figure: fmt(rate, 'calls/s'), target: '>= 1,000,000 calls/s', verdict: rate === undefined ? 'not run' : rate >= 1_000_000 ? 'met' : 'MISSED' });
  return rows;
}
