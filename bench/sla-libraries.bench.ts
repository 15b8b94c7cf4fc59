// `npm run bench`: the SLA arithmetic beside what a developer would use instead (issue 13, benchmark 5).
// The same inputs go to our engine, dayjs-business-time and moment-business-time (each as its README
// sets it up, and with its time-zone add-on), each in child processes whose TZ is the support zone or
// another one; every answer is checked against the brute-force oracle. Results: bench/results/sla-libraries.json.
// A benchmark, not a test: nothing here fails on speed or on a library's wrong answers.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { bruteCalendar } from '../test/support/brute-calendar.ts';
import { oracleTable } from './sla-libraries/oracle.ts';
import { ENGINE_NAME, LIBRARY_NAMES } from './sla-libraries/names.ts';
import { BENCH_CALENDAR, MINUTE, workloads, YEAR_START, type WorkloadId } from './sla-libraries/workloads.ts';
import { runFacts } from './run-facts.ts';

const SUPPORT_ZONE = BENCH_CALENDAR.zone;
// Speed is measured with TZ = the support zone; the other zones only count disagreements.
const ZONES = [SUPPORT_ZONE, 'UTC', 'America/New_York'] as const;
const BUDGET_SECONDS: Record<string, number> = { [SUPPORT_ZONE]: 2 };
const OTHER_BUDGET_SECONDS = 1;
// A child that spends this much CPU time without printing is stuck in a call (the slowest library
// call here takes under 0.1 s) and is killed; after the second such hang in an operation the rest of it is skipped.
const SILENCE_MS = 3000;
const MAX_HANGS_PER_WORKLOAD = 2;
const IMPLEMENTATIONS = [ENGINE_NAME, ...LIBRARY_NAMES];
const WORKLOADS = workloads();

const started = performance.now();
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 2 : 0 });
const kyiv = (t: number) => DateTime.fromMillis(t, { zone: SUPPORT_ZONE }).toFormat("ccc yyyy-MM-dd HH:mm 'Kyiv'");

const describe = (id: WorkloadId, [a, b]: readonly [number, number]) => (id === 'betweenUpToYear' ? `${kyiv(a)} -> ${kyiv(b)}` : `${kyiv(a)} + ${b} min`);

// The oracle: one minute-by-minute walk over 2026-2027, then questions answered from running totals.
const tableEnd = Date.parse('2028-01-15T00:00:00Z');
const oracle = oracleTable(BENCH_CALENDAR, YEAR_START, tableEnd);
const tableSeconds = (performance.now() - started) / 1000;

// The oracle asked directly (its own speed), and its table checked against it on the same inputs.
const brute = bruteCalendar(BENCH_CALENDAR);
const bruteSamples: Record<WorkloadId, number> = { add20min: 20, add3days: 5, betweenUpToYear: 1 };
const bruteSpeed = Object.fromEntries(
  WORKLOADS.map((w) => {
    const inputs = w.inputs.slice(0, bruteSamples[w.id]);
    const start = performance.now();
    for (const [a, b] of inputs) {
      const direct = w.id === 'betweenUpToYear' ? brute.workingTimeBetween(a, b) / MINUTE : brute.addWorkingTime(a, b * MINUTE);
      const tabled = w.id === 'betweenUpToYear' ? oracle.minutesBetween(a, b) : oracle.addMinutes(a, b);
      if (direct !== tabled) throw new Error(`The oracle's table and the oracle disagree on ${w.id} ${a} ${b}`);
    }
    return [w.id, inputs.length / ((performance.now() - start) / 1000)];
  }),
) as Record<WorkloadId, number>;

interface Chunk {
  readonly workload: WorkloadId;
  readonly answers: number[];
  readonly calls?: number;
  readonly seconds?: number;
  readonly done?: boolean;
}
interface Run {
  /** Answers by input index; NaN where the call hung and the child was killed. */
  readonly answers: Record<WorkloadId, number[]>;
  readonly rate: Partial<Record<WorkloadId, { calls: number; seconds: number }>>;
  /** Inputs on which a call never returned. */
  readonly hangs: { workload: WorkloadId; input: readonly [number, number] }[];
}

/** CPU time a process has used (Linux /proc; elsewhere wall time stands in, so a wait may count). */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [utime = 0, stime = 0] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
    return ((utime + stime) * 1000) / 100;
  } catch {
    return performance.now();
  }
}

/** One child process from `resume` on; resolves with whether it had to be killed and where it was. */
function runSegment(implementation: string, zone: string, resume: readonly [WorkloadId, number] | null, run: Run): Promise<WorkloadId | null> {
  const budget = BUDGET_SECONDS[zone] ?? OTHER_BUDGET_SECONDS;
  const args = [join(import.meta.dirname, 'sla-libraries', 'worker.ts'), implementation, String(budget), ...(resume ? [resume[0], String(resume[1])] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, TZ: zone }, stdio: ['ignore', 'pipe', 'inherit'] });
  let current: WorkloadId | null = null;
  let buffer = '';
  let killed = false;
  // Stuck means busy without output: CPU time spent since the last line, so a child that is only
  // waiting (a loaded machine, a full pipe) is never taken for a hang.
  let quietCpuMs = 0;
  let lastCpu = cpuMs(child.pid);
  let spoke = false;
  const watch = setInterval(() => {
    const now = cpuMs(child.pid);
    quietCpuMs = spoke ? 0 : quietCpuMs + (now - lastCpu);
    lastCpu = now;
    spoke = false;
    if (quietCpuMs >= SILENCE_MS) {
      killed = true;
      child.kill('SIGKILL');
    }
  }, 500);
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data: string) => {
    spoke = true;
    const lines = (buffer + data).split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const chunk = JSON.parse(line) as Chunk;
      current = chunk.done ? null : chunk.workload;
      for (const answer of chunk.answers) run.answers[chunk.workload].push(answer);
      if (chunk.done) {
        const before = run.rate[chunk.workload] ?? { calls: 0, seconds: 0 };
        run.rate[chunk.workload] = { calls: before.calls + (chunk.calls ?? 0), seconds: before.seconds + (chunk.seconds ?? 0) };
      }
    }
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(watch);
      if (!killed && code !== 0) return reject(new Error(`${implementation} (TZ=${zone}) exited with ${code}`));
      if (killed && current === null) return reject(new Error(`${implementation} (TZ=${zone}) went silent between operations`));
      resolve(killed ? current : null);
    });
  });
}

/**
 * All workloads of one implementation in one zone. A call that hangs counts as a wrong answer; the
 * run resumes after it once per workload, and a second hang abandons the rest of that workload.
 */
async function runChild(implementation: string, zone: string): Promise<Run> {
  const run: Run = { answers: { add20min: [], add3days: [], betweenUpToYear: [] }, rate: {}, hangs: [] };
  let resume: readonly [WorkloadId, number] | null = null;
  for (;;) {
    const stuck = await runSegment(implementation, zone, resume, run);
    if (stuck === null) return run;
    const workload = WORKLOADS.find((w) => w.id === stuck) as (typeof WORKLOADS)[number];
    const index = run.answers[stuck].length;
    run.answers[stuck].push(Number.NaN);
    run.hangs.push({ workload: stuck, input: workload.inputs[index] as readonly [number, number] });
    const next = WORKLOADS[WORKLOADS.indexOf(workload) + 1];
    const again = run.hangs.filter((h) => h.workload === stuck).length < MAX_HANGS_PER_WORKLOAD && index + 1 < workload.inputs.length;
    if (again) resume = [stuck, index + 1];
    else if (next) resume = [next.id, 0];
    else return run;
  }
}

interface Disagreements {
  readonly checked: number;
  readonly wrong: number;
  /** Wrong answers that only pick the other edge of a closed spell (18:00 instead of the next opening's 09:00, or back). */
  readonly sameWorkingInstant: number;
  /** Calls that never returned (counted in `wrong`). */
  readonly hung: number;
  readonly examples: string[];
}
function compare(workload: (typeof WORKLOADS)[number], answers: readonly number[]): Disagreements {
  let wrong = 0;
  let sameWorkingInstant = 0;
  let hung = 0;
  const examples: string[] = [];
  answers.forEach((got, i) => {
    const [a, b] = workload.inputs[i] as readonly [number, number];
    const between = workload.id === 'betweenUpToYear';
    const expected = between ? oracle.minutesBetween(a, b) : oracle.addMinutes(a, b);
    if (got === expected) return;
    wrong++;
    if (Number.isNaN(got)) return void hung++;
    const inTable = Number.isFinite(got) && got >= oracle.from && got <= oracle.to && got % MINUTE === 0;
    const equivalent = !between && inTable && oracle.atEdge(got) && oracle.position(got) === oracle.position(expected);
    if (equivalent) sameWorkingInstant++;
    if (examples.length < 3 && !equivalent) {
      examples.push(
        between
          ? `${kyiv(a)} -> ${kyiv(b)}: ${fmt(got)} min, oracle ${fmt(expected)} min`
          : `${kyiv(a)} + ${b} min: ${Number.isFinite(got) ? kyiv(got) : String(got)}, oracle ${kyiv(expected)}`,
      );
    }
  });
  return { checked: answers.length, wrong, sameWorkingInstant, hung, examples };
}

const runs: Record<string, Record<string, Run>> = {};
for (const implementation of IMPLEMENTATIONS) {
  runs[implementation] = {};
  for (const zone of ZONES) (runs[implementation] as Record<string, Run>)[zone] = await runChild(implementation, zone);
}

const rows = WORKLOADS.flatMap((workload) => {
  const measured = IMPLEMENTATIONS.map((implementation) => {
    const byZone = runs[implementation] as Record<string, Run>;
    const rate = byZone[SUPPORT_ZONE]?.rate[workload.id];
    const hangs = ZONES.flatMap((zone) => (byZone[zone]?.hangs ?? []).filter((h) => h.workload === workload.id).map((h) => `TZ=${zone}: ${describe(workload.id, h.input)}`));
    return {
      workload: workload.id,
      operation: workload.label,
      implementation,
      opsPerSecond: rate && rate.calls > 0 ? Number((rate.calls / rate.seconds).toPrecision(4)) : null,
      hangs,
      disagreements: Object.fromEntries(ZONES.map((zone) => [zone, compare(workload, byZone[zone]?.answers[workload.id] ?? [])])),
    };
  });
  const oracleRow = {
    workload: workload.id,
    operation: workload.label,
    implementation: 'brute-force oracle (minute walk)',
    opsPerSecond: Number(bruteSpeed[workload.id].toPrecision(4)),
    hangs: [],
    disagreements: null,
  };
  return [...measured, oracleRow];
});

// The targets, per operation: our engine fastest of all, and zero disagreements in every zone.
const targets = WORKLOADS.map((workload) => {
  const mine = rows.filter((r) => r.workload === workload.id);
  const engine = mine.find((r) => r.implementation === ENGINE_NAME);
  const rivals = mine.filter((r) => r !== engine && r.opsPerSecond !== null);
  const faster = rivals.filter((r) => !engine?.opsPerSecond || (r.opsPerSecond as number) >= engine.opsPerSecond);
  const wrongIn = ZONES.filter((zone) => {
    const d = engine?.disagreements?.[zone];
    return !d || d.wrong > 0 || d.checked < workload.inputs.length;
  });
  const why = [
    ...faster.map((r) => `${r.implementation} is as fast or faster (${fmt(r.opsPerSecond as number)}/s against ${fmt(engine?.opsPerSecond ?? 0)}/s)`),
    ...wrongIn.map((zone) => `with TZ=${zone} the engine gave ${cell(engine?.disagreements?.[zone])} wrong answers (or did not answer every input)`),
  ];
  return { workload: workload.id, fastest: faster.length === 0, zeroDisagreements: wrongIn.length === 0, missedBecause: why };
});

const results = {
  ...runFacts(),
  calendar: `${SUPPORT_ZONE} ${BENCH_CALENDAR.open}-${BENCH_CALENDAR.close} Mon-Fri, ${BENCH_CALENDAR.holidays.length} holidays 2026-2027, DST`,
  target: 'our engine the fastest on every operation, with zero disagreements with the brute-force oracle in every process time zone',
  method: {
    inputs: Object.fromEntries(WORKLOADS.map((w) => [w.id, `${w.inputs.length} random whole-minute instants over 2026`])),
    speedMeasuredWith: `TZ=${SUPPORT_ZONE}, ${BUDGET_SECONDS[SUPPORT_ZONE]} s per operation and implementation`,
    disagreementsCountedIn: ZONES,
    otherZoneBudgetSeconds: OTHER_BUDGET_SECONDS,
    note: 'a slow library answers only the first inputs its time budget allows; "checked" says how many',
    oracleTableSeconds: Number(tableSeconds.toFixed(2)),
  },
  rows,
  targets,
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
};
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'sla-libraries.json'), `${JSON.stringify(results, null, 2)}\n`);

function cell(d: Disagreements | undefined): string {
  return d ? `${fmt(d.wrong)}/${fmt(d.checked)}${d.hung > 0 ? ` (${d.hung} hung)` : ''}` : '-';
}
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\nSLA arithmetic vs libraries (${results.calendar}); disagreements with the oracle = wrong/checked`);
console.log(`${pad('operation', 36)}${pad('implementation', 41)}${pad('ops/s', 12)}${ZONES.map((z) => pad(`TZ=${z}`, 20)).join('')}`);
for (const row of rows) {
  const speed = row.opsPerSecond !== null ? fmt(row.opsPerSecond) : row.hangs.length > 0 ? 'hangs' : 'not run';
  const zones = ZONES.map((z) => pad(cell(row.disagreements?.[z]), 20)).join('');
  console.log(`${pad(row.operation, 36)}${pad(row.implementation, 41)}${pad(speed, 12)}${zones}`);
}
for (const row of rows) {
  if (row.hangs.length > 0) console.log(`  ${row.implementation}, ${row.operation}: no answer after ${SILENCE_MS / 1000} s of CPU time (killed) for ${row.hangs.join('; ')}`);
  for (const zone of ZONES) {
    const d = row.disagreements?.[zone];
    if (d && d.wrong > 0) {
      const equivalent = d.sameWorkingInstant > 0 ? ` (${fmt(d.sameWorkingInstant)} only close-of-day vs next opening)` : '';
      console.log(`  ${row.implementation}, ${row.operation}, TZ=${zone}: ${fmt(d.wrong)} wrong${equivalent}; e.g. ${d.examples.join('; ')}`);
    }
  }
}
for (const t of targets) {
  console.log(`target on ${t.workload}: ${t.missedBecause.length === 0 ? 'met (fastest, zero disagreements in every zone)' : `MISSED: ${t.missedBecause.join('; ')}`}`);
}
const rightEverywhere = LIBRARY_NAMES.filter((name) =>
  rows.filter((r) => r.implementation === name).every((r) => ZONES.every((zone) => r.disagreements?.[zone]?.wrong === 0)),
);
console.log(`libraries with zero disagreements in every process time zone: ${rightEverywhere.join(', ') || 'none'} (the others work in the process's local time)`);
console.log(`written to bench/results/sla-libraries.json in ${results.seconds} s`);
