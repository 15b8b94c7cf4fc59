// `npm run bench` (part 6): scale. A SQLite file with 1,000,000 tickets (100,000 open), written by
// bench/scale/seed.ts (cached under the temp dir); the service started on it as its own process
// (bench/scale/serve.ts, what `npm run serve` does) several times: start-up to the first answered
// request, RSS, the queue's first page p50/p95; the same queue at 10,000 open on a second, smaller
// file; and the list query's plan, with and without the index we recommend. Results go to
// bench/results/scale.json; nothing here fails on speed.
// Smaller while developing: SCALE_TICKETS=100000 SCALE_OPEN=10000 node bench/scale.bench.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import { openSqlite } from '../server/db/sqlite.ts';
import { dueClocks } from '../server/scheduler.ts';
import { listRows, listSummaryRows } from '../server/store/tickets.ts';
import { hydrate, summariesOf } from '../server/store/summaries.ts';
import { createCalendar, DEFAULT_POLICY } from '../shared/sla/index.ts';
import { seededDatabase, type SeedOptions, type Seeded } from './scale/seed.ts';
import { legacyQueueSql, percentile } from './scale/queue-sql.ts';
import { runFacts } from './run-facts.ts';

/** The queue's first page: rows from stored columns (GET /api/v1/queue). */
const queuePath = (view: 'queue' | 'tier', limit: number): string => `/api/v1/queue?view=${view}&limit=${limit}`;
// What the console read for a view before issue 13: whole tickets (its default limit, 1,000).
const WHOLE_TICKETS_TIER = '/api/v1/tickets?view=tier';
const FIRST_PAGE = 1000;
const TOTAL = Number(process.env.SCALE_TICKETS ?? 1_000_000);
const OPEN = Number(process.env.SCALE_OPEN ?? 100_000);
const STARTS = 5;
const REQUESTS = 40;
const TARGET = { startupMs: 2000, queueP95At10k: 30, queueP95At100k: 150 };

const shape = (total: number, open: number): SeedOptions => ({ total, open, recentDays: 7, historyDays: 730, clients: 300, agentsPerTier: 8, openEvents: true, seed: 13 });
const round = (x: number, digits = 1): number => Number(x.toFixed(digits));
const log = (line: string): void => console.log(line);

/** Resident and peak memory of a process, in MB (Linux /proc). */
function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakRssMb: round(kb('VmHWM') / 1024) };
}

/** CPU time (user + system) a process has used, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  /** From spawning the process to its first answered request (GET /api/v1/info). */
  readonly startupMs: number;
  readonly phases: Record<string, number>;
}

/** Starts the service on `seeded` as its own process and waits for its first answered request. */
async function start(seeded: Seeded, env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(import.meta.dirname, 'scale/serve.ts'), '--db', seeded.file, '--clock-ms', String(seeded.now)], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the service exited (${code}) before it answered`))));
  let url: string | undefined;
  let phases: Record<string, number> = {};
  const ready = new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      if (line.startsWith('listening on ')) url = line.slice('listening on '.length);
      else if (line.startsWith('{')) {
        phases = (JSON.parse(line) as { phases: Record<string, number> }).phases;
        resolve();
      }
    });
  });
  await Promise.race([ready, exited]);
  if (url === undefined) throw new Error('no URL from the service');
  const res = await fetch(`${url}/api/v1/info`);
  if (!res.ok) throw new Error(`GET /api/v1/info: ${res.status}`);
  await res.json();
  return { child, url, startupMs: round(performance.now() - t0), phases };
}

async function stop(r: Running): Promise<void> {
  const exited = new Promise((resolve) => r.child.once('exit', resolve));
  r.child.kill('SIGTERM');
  await exited;
}

/** p50/p95 of `runs` GETs of `path` (after 3 unmeasured), as `login` sees them. */
async function timeGets(url: string, login: string, path: string, runs: number): Promise<{ p50: number; p95: number; max: number; rows: number }> {
  const session = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) });
  if (!session.ok) throw new Error(`sign-in as ${login}: ${session.status}`);
  const { token } = (await session.json()) as { token: string };
  const get = async (): Promise<{ ms: number; rows: number }> => {
    const t = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { tickets: unknown[] };
    return { ms: performance.now() - t, rows: body.tickets.length };
  };
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const r = await get();
    times.push(r.ms);
    rows = r.rows;
  }
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)), rows };
}

/**
 * The queue's first page (anna's "all open"), an L1 agent's and an L2 analyst's default views on
 * GET /api/v1/queue, and the same two as the whole tickets the console read before issue 13.
 */
async function timeViews(url: string) {
  return {
    firstPage: await timeGets(url, 'anna', queuePath('queue', FIRST_PAGE), REQUESTS),
    agentDefaultView: await timeGets(url, 'anna', queuePath('tier', FIRST_PAGE), REQUESTS / 2),
    l2AgentDefaultView: await timeGets(url, 'olga', queuePath('tier', FIRST_PAGE), REQUESTS / 2),
    wholeTicketsBefore: {
      agentDefaultView: await timeGets(url, 'anna', WHOLE_TICKETS_TIER, REQUESTS / 2),
      l2AgentDefaultView: await timeGets(url, 'olga', WHOLE_TICKETS_TIER, REQUESTS / 2),
    },
  };
}

/** The SQL the queue's first page runs (listSummaryRows), captured from Kysely. */
async function listSql(file: string): Promise<CompiledQuery> {
  let captured: CompiledQuery | undefined;
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(file) }), log: (e) => void (captured ??= e.query) });
  try {
    await listSummaryRows(kysely, { kind: 'agent', id: 1, name: 'anna', role: 'agent', tiers: ['l1'] }, { view: 'queue', limit: FIRST_PAGE });
  } finally {
    await kysely.destroy();
  }
  if (captured === undefined) throw new Error('listSummaryRows ran no query');
  return captured;
}

/**
 * The list query's plan and time alone (SQL only, median of 7): before issue 13 (an order with
 * `now` in it, sorted for every page) and now (stored columns, read in the order of migration
 * 0016's index); and inside the service, the rows' query and turning them into what the response
 * carries: whole tickets (hydrate, before) or queue rows (summariesOf, now).
 */
async function analyseQuery(seeded: Seeded): Promise<Record<string, unknown>> {
  const now = await listSql(seeded.file);
  const legacy = legacyQueueSql(FIRST_PAGE);
  const db = new DatabaseSync(seeded.file);
  const params = now.parameters as (string | number)[];
  const plan = (sql: string, p: readonly (string | number)[]): string[] => (db.prepare(`explain query plan ${sql}`).all(...p) as { detail: string }[]).map((r) => r.detail);
  const time = (sql: string, p: readonly (string | number)[]): { medianMs: number; rows: number } => {
    const statement = db.prepare(sql);
    let rows = statement.all(...p).length;
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      rows = statement.all(...p).length;
      times.push(performance.now() - t);
    }
    return { medianMs: round(percentile(times, 50)), rows };
  };
  const ids = (sql: string, p: readonly (string | number)[]): string => (db.prepare(sql).all(...p) as { id: number }[]).map((r) => r.id).join(',');
  // At the seed's instant every running clock past due has been marked breached, so both orders agree.
  const sameOrder = ids(now.sql, params) === ids(legacy.sql, legacy.parameters(seeded.now));
  const sql = {
    before: { plan: plan(legacy.sql, legacy.parameters(seeded.now)), ...time(legacy.sql, legacy.parameters(seeded.now)) },
    now: { sql: now.sql, plan: plan(now.sql, params), ...time(now.sql, params) },
    sameOrder,
  };
  db.close();
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(seeded.file) }) });
  const actor = { kind: 'agent' as const, id: 1, name: 'anna', role: 'agent' as const, tiers: ['l1' as const] };
  const sla = { calendar: createCalendar(), policy: DEFAULT_POLICY };
  const times = { wholeRows: [] as number[], hydrate: [] as number[], listRows: [] as number[], summaries: [] as number[] };
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const whole = await listRows(kysely, actor, { view: 'queue', limit: FIRST_PAGE });
    const t1 = performance.now();
    await hydrate(kysely, whole, seeded.now, sla, 'agents');
    const t2 = performance.now();
    const rows = await listSummaryRows(kysely, actor, { view: 'queue', limit: FIRST_PAGE });
    const t3 = performance.now();
    await summariesOf(kysely, rows, seeded.now, sla, 'agents');
    if (i === 0) continue;
    times.wholeRows.push(t1 - t0);
    times.hydrate.push(t2 - t1);
    times.listRows.push(t3 - t2);
    times.summaries.push(performance.now() - t3);
  }
  // The scheduler's search for due clocks, run every second: before (one query with OR, ordered by
  // ticket: SQLite walked the clocks' primary key) and now (server/scheduler.ts dueClocks).
  const raw = new DatabaseSync(seeded.file);
  const before = raw.prepare(`select ticket_id, idx from sla_clocks where stopped_at is null
    and ((warned_at is null and warn_at <= ?) or (breached_at is null and due_at <= ?)) order by ticket_id, idx limit 200`);
  const beforeTimes: number[] = [];
  const nowTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = performance.now();
    before.all(seeded.now, seeded.now);
    beforeTimes.push(performance.now() - t0);
    t0 = performance.now();
    await dueClocks(kysely, seeded.now, 200);
    nowTimes.push(performance.now() - t0);
  }
  raw.close();
  await kysely.destroy();
  const median = (xs: number[]) => round(percentile(xs, 50));
  return {
    sql,
    firstPageInService: { listRowsMs: median(times.listRows), queueRowsMs: median(times.summaries), wholeRowsMs: median(times.wholeRows), wholeTicketsMs: median(times.hydrate) },
    schedulerDueSearch: { beforeMs: round(percentile(beforeTimes, 50)), nowMs: round(percentile(nowTimes, 50), 2) },
  };
}

const benchStart = performance.now();
const big = await seededDatabase(shape(TOTAL, OPEN), log);
log(`${big.reused ? 'reused' : 'seeded'} ${TOTAL.toLocaleString('en')} tickets (${OPEN.toLocaleString('en')} open), ${round(big.bytes / 1024 / 1024, 0)} MB: ${big.file}${big.reused ? ` (seeded in ${big.seedSeconds} s)` : ''}`);

// Start-up: several starts on the same file as `npm run serve` makes them; the last one stays up for
// the queue. Then as many with Node's compile cache (NODE_COMPILE_CACHE), the first filling it.
const compileCache = join(tmpdir(), 'dutydesk-scale-compile-cache');
rmSync(compileCache, { recursive: true, force: true });
const cachedStarts: number[] = [];
for (let i = 0; i < STARTS; i++) {
  const r = await start(big, { ...process.env, NODE_COMPILE_CACHE: compileCache });
  cachedStarts.push(r.startupMs);
  await stop(r);
}
const starts: Running[] = [];
for (let i = 0; i < STARTS; i++) {
  const r = await start(big);
  starts.push(r);
  if (i < STARTS - 1) await stop(r);
}
const serving = starts.at(-1);
if (serving === undefined) throw new Error('no start');
// The idle service's CPU (the scheduler's run every second, presence sweeps), after 2 s to settle.
await new Promise((resolve) => setTimeout(resolve, 2000));
const cpuBefore = cpuMsOf(serving.child.pid ?? 0);
const idleStart = performance.now();
await new Promise((resolve) => setTimeout(resolve, 5000));
const idleCpuPercent = round((100 * (cpuMsOf(serving.child.pid ?? 0) - cpuBefore)) / (performance.now() - idleStart));
const startupTimes = starts.map((s) => s.startupMs);
const afterStart = memoryOf(serving.child.pid ?? 0);
const at100k = await timeViews(serving.url);
const afterQueue = memoryOf(serving.child.pid ?? 0);
await stop(serving);

// The queue at 10,000 open: a second file of the same shape, a tenth of the size.
const small = await seededDatabase(shape(TOTAL / 10, OPEN / 10), log);
const smallServing = await start(small);
const at10k = await timeViews(smallServing.url);
const small10kMemory = memoryOf(smallServing.child.pid ?? 0);
await stop(smallServing);

const query = await analyseQuery(big);
const benchSeconds = round((performance.now() - benchStart) / 1000);

const startupMedian = round(percentile(startupTimes, 50));
const results = {
  ...runFacts(),
  engine: 'sqlite',
  queuePath: queuePath('queue', FIRST_PAGE),
  database: { tickets: TOTAL, open: OPEN, megabytes: round(big.bytes / 1024 / 1024, 0), rows: big.rows, seedSeconds: big.seedSeconds, reused: big.reused },
  startup: {
    runs: startupTimes, medianMs: startupMedian, maxMs: round(Math.max(...startupTimes)), target: TARGET.startupMs, phasesOfLastRun: serving.phases,
    withCompileCache: { runs: cachedStarts, medianMs: round(percentile(cachedStarts, 50)), maxMs: round(Math.max(...cachedStarts)) },
  },
  idleCpuPercent,
  memory: { afterStartup: afterStart, afterQueue: afterQueue, at10kOpen: small10kMemory },
  queue: {
    [`open${OPEN}`]: { ...at100k, targetP95: TARGET.queueP95At100k },
    [`open${OPEN / 10}`]: { ...at10k, targetP95: TARGET.queueP95At10k, database: { tickets: TOTAL / 10, seedSeconds: small.seedSeconds, reused: small.reused } },
  },
  listQuery: query,
  benchSeconds,
};
const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'scale.json'), `${JSON.stringify(results, null, 2)}\n`);

const verdict = (value: number, target: number): string => (value <= target ? 'met' : `MISSED (target ${target} ms)`);
const q = query as {
  sql: { before: { medianMs: number }; now: { medianMs: number; plan: string[] }; sameOrder: boolean };
  firstPageInService: { listRowsMs: number; queueRowsMs: number; wholeRowsMs: number; wholeTicketsMs: number }; schedulerDueSearch: { beforeMs: number; nowMs: number };
};
log(`service start-up on ${TOTAL.toLocaleString('en')} tickets: median ${startupMedian} ms, max ${results.startup.maxMs} ms over ${STARTS} starts: ${verdict(results.startup.maxMs, TARGET.startupMs)}`);
log(`  its phases (last start): ${Object.entries(serving.phases).map(([k, v]) => `${k} ${v} ms`).join(', ')}; with Node's compile cache: median ${results.startup.withCompileCache.medianMs} ms, max ${results.startup.withCompileCache.maxMs} ms`);
log(`idle service CPU at ${TOTAL.toLocaleString('en')} tickets: ${idleCpuPercent} % of a core`);
log(`RSS: ${afterStart.rssMb} MB after start-up, ${afterQueue.rssMb} MB after the queue runs (peak ${afterQueue.peakRssMb} MB)`);
log(`queue first page (${FIRST_PAGE}) at ${OPEN.toLocaleString('en')} open: p50 ${at100k.firstPage.p50} ms, p95 ${at100k.firstPage.p95} ms: ${verdict(at100k.firstPage.p95, TARGET.queueP95At100k)}`);
log(`queue first page (${FIRST_PAGE}) at ${(OPEN / 10).toLocaleString('en')} open: p50 ${at10k.firstPage.p50} ms, p95 ${at10k.firstPage.p95} ms: ${verdict(at10k.firstPage.p95, TARGET.queueP95At10k)}`);
log(`an L1 agent's default view (My tier, GET /api/v1/queue): p95 ${at100k.agentDefaultView.p95} ms at ${OPEN.toLocaleString('en')} open, ${at10k.agentDefaultView.p95} ms at ${(OPEN / 10).toLocaleString('en')} (whole tickets, before: ${at100k.wholeTicketsBefore.agentDefaultView.p95} and ${at10k.wholeTicketsBefore.agentDefaultView.p95} ms)`);
log(`an L2 analyst's (My tier, ${at100k.l2AgentDefaultView.rows} and ${at10k.l2AgentDefaultView.rows} rows, each with its internal target): p95 ${at100k.l2AgentDefaultView.p95} ms and ${at10k.l2AgentDefaultView.p95} ms (whole tickets, before: ${at100k.wholeTicketsBefore.l2AgentDefaultView.p95} and ${at10k.wholeTicketsBefore.l2AgentDefaultView.p95} ms)`);
log(`first page inside the service at ${OPEN.toLocaleString('en')} open: the rows' columns ${q.firstPageInService.listRowsMs} ms, then queue rows ${q.firstPageInService.queueRowsMs} ms (whole tickets, as before issue 13: ${q.firstPageInService.wholeRowsMs} + ${q.firstPageInService.wholeTicketsMs} ms); the rest of p50 is the response's check, JSON and HTTP`);
log(`list query alone: ${q.sql.before.medianMs} ms before issue 13 (sorted per page), ${q.sql.now.medianMs} ms now (plan: ${q.sql.now.plan.join('; ')}); same rows: ${q.sql.sameOrder}`);
log(`the scheduler's search for due clocks (every second): ${q.schedulerDueSearch.beforeMs} ms before, ${q.schedulerDueSearch.nowMs} ms now`);
log(`written to bench/results/scale.json (${benchSeconds} s)`);
