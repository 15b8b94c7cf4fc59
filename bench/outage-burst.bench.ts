// `npm run bench` (part 4): an outage burst. The service (a child process, so its CPU is its own)
// holds 10,000 open tickets; 200 consoles of 200 agents, simulated in Node by the console's own
// client code (bench/outage-burst/consoles.ts), keep their default views true from the events while
// 4 writers file tickets and work them. On SQLite, on PostgreSQL, and on two instances sharing one
// PostgreSQL. Results go to bench/results/outage-burst.json; nothing here fails on speed.
//   node bench/outage-burst.bench.ts [--seconds 60] [--tickets 10000] [--consoles 200] [--runs sqlite,postgres-2] [--workers 2] (add postgres for one instance on PostgreSQL)
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createApiClient } from '../shared/client/api-client.ts';
import { createRecentRows, loadView } from '../shared/client/live-queue.ts';
import { viewerOf } from '../shared/tickets/live-list.ts';
import { findPgBinDir, startPgCluster, type PgCluster } from '../test/support/pg-cluster.ts';
import type { ConsolesInput, FromConsoles } from './outage-burst/consoles.ts';
import type { ProbeInput, ProbeReport } from './outage-burst/probe.ts';
import { BENCH_PASSWORD, type BenchAccount, type ServiceMessage, type ServiceRequest } from './outage-burst/service.ts';
import { burstsOf, distribution, type Distribution } from './outage-burst/stats.ts';
import { runWriter, type WriterResult } from './outage-burst/writers.ts';
import { DEMO_CUSTOMERS } from '../server/demo/people.ts';
import type { Tier } from '../shared/model/index.ts';
import { runFacts } from './run-facts.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    tickets: { type: 'string', default: '10000' },
    consoles: { type: 'string', default: '200' },
    runs: { type: 'string', default: 'sqlite,postgres-2' },
    workers: { type: 'string', default: '2' },
  },
});
const SECONDS = Number(args.seconds);
const TICKETS = Number(args.tickets);
const CONSOLES = Number(args.consoles);
const RUNS = args.runs.split(',') as ('sqlite' | 'postgres' | 'postgres-2')[];
// The issue's rates: 300 new tickets and 1,000 other commands a minute, from 4 writers.
const FILINGS = Math.round((300 * SECONDS) / 60);
const COMMANDS = Math.round((1000 * SECONDS) / 60);
const WRITERS = 4;
const WORKERS = Number(args.workers);
// The design before patching: a console read its whole list again once per 150-ms burst of events.
const OLD_BURST_MS = 150;
const TARGET_P99_MS = 50;

/** 200 consoles: a tenth managers (the escalation desk), the rest agents, most of them at the first line. */
function consoleAccounts(n: number): BenchAccount[] {
  const tiersOf = (i: number): Tier => {
    const spread: [Tier, number][] = [['l1', 0.56], ['l2-analysts', 0.17], ['l2-methodologists', 0.11], ['l3', 0.11], ['l4', 0.05]];
    let x = (i % 100) / 100;
    for (const [tier, share] of spread) {
      if (x < share) return tier;
      x -= share;
    }
    return 'l1';
  };
  return Array.from({ length: n }, (_, i) => (i % 10 === 0 ? { login: `console${i}`, role: 'manager', tiers: ['escalation'] } : { login: `console${i}`, role: 'agent', tiers: [tiersOf(i)] }));
}
const writerAccounts: BenchAccount[] = Array.from({ length: WRITERS }, (_, i) => ({ login: `writer${i}`, role: 'manager', tiers: ['escalation'] }));

/** A service instance in a child process. */
interface Instance {
  readonly url: string;
  readonly seedMs: number;
  usage(): Promise<{ cpuMs: number; rssMb: number }>;
  close(): Promise<void>;
}

async function startInstance(request: ServiceRequest): Promise<Instance> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'outage-burst', 'service.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: { resolve: (m: ServiceMessage) => void; reject: (e: Error) => void }[] = [];
  child.on('message', (m) => waiting.shift()?.resolve(m as ServiceMessage));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the service exited (${code})`));
  });
  const next = (): Promise<ServiceMessage> => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  child.send(request);
  const first = await next();
  if (first.type !== 'listening') throw new Error(`the service failed: ${first.type === 'failed' ? first.error : first.type}`);
  return {
    url: first.url,
    seedMs: first.seedMs,
    async usage() {
      const reply = next();
      child.send('usage');
      const m = await reply;
      if (m.type !== 'usage') throw new Error(`unexpected ${m.type}`);
      return { cpuMs: m.cpuMs, rssMb: m.rssMb };
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

const msOf = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

type Ticks = { readonly busy: number; readonly idle: number; readonly steal: number };
/** The machine's CPU time so far (all cores, /proc/stat's first line), or null off Linux. */
function machineTicks(): Ticks | null {
  try {
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
  } catch {
    return null;
  }
}
function machineShare(a: Ticks | null, b: Ticks | null): { busyPercent: number; stealPercent: number } | null {
  if (a === null || b === null) return null;
  const total = b.busy - a.busy + (b.idle - a.idle) + (b.steal - a.steal);
  return total <= 0 ? null : { busyPercent: round((100 * (b.busy - a.busy)) / total), stealPercent: round((100 * (b.steal - a.steal)) / total) };
}
const round = (x: number, digits = 1): number => Number(x.toFixed(digits));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface RunResult {
  readonly run: string;
  readonly engine: 'sqlite' | 'postgres';
  readonly instances: number;
  readonly openTicketsAtStart: number;
  readonly seedSeconds: number | null;
  readonly consoles: number;
  readonly consoleViews: Readonly<Record<string, number>>;
  readonly rowsHeldAtStart: number;
  readonly signInAndLoad: { readonly seconds: number; readonly serviceCpuMs: number };
  readonly burst: {
    readonly seconds: number;
    readonly filed: number;
    readonly commands: number;
    readonly writerErrors: Readonly<Record<string, number>>;
    readonly writerLagMs: number;
    readonly commandResponseMs: Distribution;
    /** A command's `at` to its answer's arrival at the writer: bounds the part of delivery spent up to the commit. */
    readonly atToAnswerMs: Distribution;
    readonly events: number;
    readonly deliveries: number;
    readonly expectedDeliveries: number;
  };
  /** Per delivery (event × console): arrival at the console's socket minus the event's `at`. */
  readonly deliveryMs: Distribution;
  /**
   * What delivery is counted from: 'commit' on PostgreSQL (its recorded commit time,
   * track_commit_timestamp), 'command' on SQLite (the event's `at`, read before the command
   * writes: later than the commit by the command's own work, so an upper bound).
   */
  readonly deliveryFrom: 'commit' | 'command';
  /** Per event: the slowest of the consoles (what "to all 200 clients" means), from `deliveryFrom`; the target. */
  readonly deliveryToAllMs: Distribution;
  /** Per event: the slowest console from the event's `at` (on SQLite the same as deliveryToAllMs). */
  readonly fromCommandToAllMs: Distribution;
  /** Per event on PostgreSQL: its commit time minus its `at` (the command's work and the commit; null on SQLite). */
  readonly commandToCommitMs: Distribution | null;
  /** The same measured in the consoles' onEvent, after the stream parsed and checked each message: adds the simulator's own queue (100 consoles to a thread). */
  readonly handledMs: Distribution;
  readonly handledByAllMs: Distribution;
  /** Per instance: one more stream alone in its thread, arrival per event from `deliveryFrom` (the service's own delivery). */
  readonly idleStreamMs: readonly Distribution[];
  readonly targetP99Met: boolean;
  readonly eventRefetches: number;
  readonly reconnects: number;
  readonly patches: number;
  readonly mismatches: number;
  readonly mismatchSamples: unknown[];
  readonly unsettledConsoles: number;
  readonly serviceCpu: { readonly burstMs: number; readonly perEventMs: number; readonly perCommandMs: number; readonly rssMb: number[] };
  /** The consoles' threads' garbage-collection pauses up to the comparison (a console waits through its thread's): longest, and total per thread. */
  readonly simulatorGc: { readonly maxPauseMs: number; readonly totalMsPerThread: number[] };
  /** This process's CPU (the simulated consoles and the writers): over the run, and during the burst. */
  readonly loadGeneratorCpuMs: { readonly run: number; readonly burst: number };
  /** The machine's 1-minute load average before and after the burst (2 cores: above 2, others wait for a core). */
  readonly loadAverage: readonly [before: number, after: number];
  /** The whole machine during the burst (Linux /proc/stat; null elsewhere): busy and stolen (by the hypervisor), % of all its cores' time. */
  readonly machineCpu: { readonly busyPercent: number; readonly stealPercent: number } | null;
  readonly oldDesign: {
    readonly fullListServiceCpuMs: number;
    readonly fullListMs: number;
    readonly fullListRows: number;
    readonly bursts: number;
    readonly refetchesEstimated: number;
    readonly serviceCpuEstimatedMs: number;
  };
}

async function run(name: 'sqlite' | 'postgres' | 'postgres-2', db: string, seed: boolean): Promise<RunResult> {
  const instances = name === 'postgres-2' ? 2 : 1;
  const accounts = consoleAccounts(CONSOLES);
  const first = await startInstance({ db, seed: seed ? { accounts: [...accounts, ...writerAccounts], tickets: TICKETS } : null });
  const all = [first, ...(instances === 2 ? [await startInstance({ db, seed: null })] : [])];
  const usage = async (): Promise<{ cpuMs: number; rss: number[] }> => {
    const us = await Promise.all(all.map((i) => i.usage()));
    return { cpuMs: us.reduce((n, u) => n + u.cpuMs, 0), rss: us.map((u) => u.rssMb) };
  };
  const workers: Worker[] = [];
  try {
    // A manager's client to read heads and time the old design's full list.
    let token: string | null = null;
    const api = createApiClient({ baseUrl: first.url, token: () => token, fetch: (u, init) => fetch(u, init) });
    token = (await api.login({ login: 'writer0', password: BENCH_PASSWORD })).token;
    const openAtStart = (await loadView((q) => api.queue(q), { view: 'queue' }, viewerOf((await api.me()).user), createRecentRows(), { pageSize: 5_000, max: 1_000_000 })).tickets.length;

    // The consoles sign in and load their views (split over the instances and over worker threads).
    const u0 = await usage();
    const ours0 = process.cpuUsage();
    const t0 = performance.now();
    const ready: Promise<FromConsoles>[] = [];
    for (let w = 0; w < WORKERS; w++) {
      // Consoles alternate between the instances, a manager's (every tenth) too.
      const instanceOf = (i: number): Instance => all[(i + Math.floor(i / 10)) % all.length] ?? first;
      const mine = accounts.flatMap((a, i) => (i % WORKERS === w ? [{ login: a.login, url: instanceOf(i).url }] : []));
      const worker = new Worker(join(import.meta.dirname, 'outage-burst', 'consoles.ts'), { workerData: { consoles: mine, password: BENCH_PASSWORD, loadConcurrency: 4 } satisfies ConsolesInput });
      workers.push(worker);
      ready.push(new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }));
    }
    const readies = await Promise.all(ready);
    const loadSeconds = (performance.now() - t0) / 1000;
    const u1 = await usage();
    const views: Record<string, number> = {};
    let rowsHeld = 0;
    for (const r of readies) {
      if (r.type !== 'ready') continue;
      rowsHeld += r.rows;
      for (const [k, v] of Object.entries(r.views)) views[k] = (views[k] ?? 0) + v;
    }

    // The old design's refetch: the whole open queue from GET /api/v1/tickets, its service CPU measured alone.
    const oldCpu: number[] = [];
    const oldMs: number[] = [];
    let oldRows = 0;
    for (let i = 0; i < 3; i++) {
      const before = await first.usage();
      const s = performance.now();
      oldRows = (await api.listTickets({ view: 'queue', limit: 10_000 })).length;
      oldMs.push(performance.now() - s);
      oldCpu.push((await first.usage()).cpuMs - before.cpuMs);
    }

    // One idle stream per instance, each alone in its thread: the service's delivery without the simulator's queue.
    const probes = all.map((instance) => {
      const probe = new Worker(join(import.meta.dirname, 'outage-burst', 'probe.ts'), { workerData: { url: instance.url, token: token ?? '' } satisfies ProbeInput });
      workers.push(probe);
      return probe;
    });
    await Promise.all(probes.map((probe) => new Promise((resolve, reject) => {
      probe.once('message', resolve);
      probe.once('error', reject);
    })));

    // The burst.
    const head0 = (await api.queue({ view: 'queue', limit: 1 })).head;
    const loadBefore = loadavg()[0] ?? 0;
    const machine0 = machineTicks();
    const u2 = await usage();
    const ours2 = process.cpuUsage();
    const start = performance.now() + 200;
    const seededPerWriter = Math.min(400, Math.floor(TICKETS / (RUNS.length * WRITERS)));
    const results: WriterResult[] = await Promise.all(Array.from({ length: WRITERS }, (_, w) =>
      runWriter({
        url: all[w % all.length]?.url ?? first.url,
        customer: DEMO_CUSTOMERS[w % DEMO_CUSTOMERS.length]?.login ?? 'alpha.user',
        manager: `writer${w}`,
        password: BENCH_PASSWORD,
        // Each run and writer works its own seeded tickets (ids from 1 in filing order).
        seeded: Array.from({ length: seededPerWriter }, (_, k) => RUNS.indexOf(name) * WRITERS * seededPerWriter + w * seededPerWriter + k + 1),
        filings: Math.round(FILINGS / WRITERS),
        commands: Math.round(COMMANDS / WRITERS),
      }, start, SECONDS * 1000, w / WRITERS)));
    const burstSeconds = (performance.now() - start) / 1000;
    const loadAfter = loadavg()[0] ?? 0;
    const machine1 = machineTicks();
    const u3 = await usage();
    const ours3 = process.cpuUsage(ours2);
    const head1 = (await api.queue({ view: 'queue', limit: 1 })).head;
    const committed = name === 'sqlite' ? null : await commitTimes(db, head0, head1);

    // Every console settles and compares its rows with a fresh fetch.
    const consoleWorkers = workers.filter((w) => !probes.includes(w));
    const reports = await Promise.all(consoleWorkers.map((worker) => new Promise<FromConsoles>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ type: 'settle', head: head1 });
    })));
    const latencies: number[] = [];
    const handled: number[] = [];
    const perEvent = new Map<number, { at: number; max: number; maxHandled: number; clients: number }>();
    let eventRefetches = 0;
    let reconnects = 0;
    let patches = 0;
    let unsettled = 0;
    const mismatches: unknown[] = [];
    const gcs: { maxMs: number; totalMs: number }[] = [];
    for (const r of reports) {
      if (r.type !== 'report') continue;
      gcs.push(r.gc);
      for (const x of r.latencies) latencies.push(x);
      for (const x of r.handled) handled.push(x);
      for (const [seq, at, max, maxHandled, clients] of r.perEvent) {
        const e = perEvent.get(seq);
        if (e === undefined) perEvent.set(seq, { at, max, maxHandled, clients });
        else {
          e.max = Math.max(e.max, max);
          e.maxHandled = Math.max(e.maxHandled, maxHandled);
          e.clients += clients;
        }
      }
      eventRefetches += r.eventRefetches;
      reconnects += r.reconnects;
      patches += r.patches;
      unsettled += r.unsettled;
      mismatches.push(...r.mismatches);
    }
    const probeReports = await Promise.all(probes.map((probe) => new Promise<ProbeReport>((resolve, reject) => {
      probe.once('message', resolve);
      probe.once('error', reject);
      probe.postMessage('report');
    })));
    const events = head1 - head0;
    // From the commit where it is recorded, else from the event's `at`.
    const fromStart = (seq: number, at: number, msSinceAt: number): number => msSinceAt + at - (committed?.get(seq) ?? at);
    const complete = [...perEvent].filter(([, e]) => e.clients === CONSOLES);
    const toAll = complete.map(([seq, e]) => fromStart(seq, e.at, e.max));
    const burstCpu = u3.cpuMs - u2.cpuMs;
    const commandsDone = results.reduce((n, r) => n + r.commands + r.filed, 0);
    const bursts = burstsOf([...perEvent.values()].map((e) => e.at).sort((a, b) => a - b), OLD_BURST_MS);
    const fullListCpu = median(oldCpu);
    const deliveryMs = distribution(latencies);
    return {
      run: name,
      engine: name === 'sqlite' ? 'sqlite' : 'postgres',
      instances,
      openTicketsAtStart: openAtStart,
      seedSeconds: seed ? round(first.seedMs / 1000) : null,
      consoles: CONSOLES,
      consoleViews: views,
      rowsHeldAtStart: rowsHeld,
      signInAndLoad: { seconds: round(loadSeconds), serviceCpuMs: Math.round(u1.cpuMs - u0.cpuMs) },
      burst: {
        seconds: round(burstSeconds),
        filed: results.reduce((n, r) => n + r.filed, 0),
        commands: results.reduce((n, r) => n + r.commands, 0),
        writerErrors: results.reduce<Record<string, number>>((acc, r) => {
          for (const [k, v] of Object.entries(r.errors)) acc[k] = (acc[k] ?? 0) + v;
          return acc;
        }, {}),
        writerLagMs: Math.round(Math.max(...results.map((r) => r.lagMs))),
        commandResponseMs: distribution(results.flatMap((r) => r.responseMs)),
        atToAnswerMs: distribution(results.flatMap((r) => r.atToAnswerMs)),
        events,
        deliveries: latencies.length,
        expectedDeliveries: events * CONSOLES,
      },
      deliveryMs,
      deliveryFrom: committed === null ? 'command' : 'commit',
      deliveryToAllMs: distribution(toAll),
      fromCommandToAllMs: distribution(complete.map(([, e]) => e.max)),
      commandToCommitMs: committed === null ? null : distribution(complete.map(([seq, e]) => (committed.get(seq) ?? e.at) - e.at)),
      handledMs: distribution(handled),
      handledByAllMs: distribution(complete.map(([seq, e]) => fromStart(seq, e.at, e.maxHandled))),
      idleStreamMs: probeReports.map((r) => distribution(r.filter(([seq]) => seq > head0 && seq <= head1).map(([seq, ms]) => fromStart(seq, perEvent.get(seq)?.at ?? 0, ms)))),
      targetP99Met: distribution(toAll).p99 <= TARGET_P99_MS,
      eventRefetches,
      reconnects,
      patches,
      mismatches: mismatches.length,
      mismatchSamples: mismatches.slice(0, 3),
      unsettledConsoles: unsettled,
      simulatorGc: { maxPauseMs: Math.max(...gcs.map((g) => g.maxMs)), totalMsPerThread: gcs.map((g) => g.totalMs) },
      serviceCpu: { burstMs: Math.round(burstCpu), perEventMs: round(burstCpu / Math.max(1, events), 2), perCommandMs: round(burstCpu / Math.max(1, commandsDone), 2), rssMb: u3.rss },
      loadGeneratorCpuMs: { run: Math.round(msOf(process.cpuUsage(ours0))), burst: Math.round(msOf(ours3)) },
      loadAverage: [round(loadBefore, 2), round(loadAfter, 2)],
      machineCpu: machineShare(machine0, machine1),
      oldDesign: {
        fullListServiceCpuMs: round(fullListCpu),
        fullListMs: round(median(oldMs)),
        fullListRows: oldRows,
        bursts,
        refetchesEstimated: bursts * CONSOLES,
        serviceCpuEstimatedMs: Math.round(bursts * CONSOLES * fullListCpu),
      },
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    for (const i of all) await i.close();
  }
}

/** Each event's commit time (epoch ms) from PostgreSQL's commit timestamps, for seq in (from, to]. */
async function commitTimes(url: string, from: number, to: number): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ seq: string; committed: number | null }>(
      'select seq, extract(epoch from pg_xact_commit_timestamp(xmin))::float8 * 1000 as committed from events where seq > $1 and seq <= $2',
      [from, to],
    );
    return new Map(rows.flatMap((r) => (r.committed === null ? [] : [[Number(r.seq), r.committed] as const])));
  } finally {
    await client.end();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'dd-burst-'));
let cluster: PgCluster | null = null;
const runs: RunResult[] = [];
const benchStart = performance.now();
try {
  if (RUNS.includes('sqlite')) runs.push(await run('sqlite', join(dir, 'burst.sqlite'), true));
  if (RUNS.includes('postgres') || RUNS.includes('postgres-2')) {
    const bin = findPgBinDir();
    if (bin === null) console.log('PostgreSQL binaries not found (/usr/lib/postgresql/*/bin): the PostgreSQL runs are skipped.');
    else {
      // Commit times recorded, so delivery is counted from the commit.
      cluster = await startPgCluster(bin, { track_commit_timestamp: 'on' });
      const url = `${cluster.baseUrl}/postgres`;
      let seeded = false;
      if (RUNS.includes('postgres')) {
        runs.push(await run('postgres', url, true));
        seeded = true;
      }
      // The two instances share the database the single one used (its tickets, people and events).
      if (RUNS.includes('postgres-2')) runs.push(await run('postgres-2', url, !seeded));
    }
  }
  const results = {
    ...runFacts(),
    seconds: SECONDS,
    rates: { filingsPerMinute: 300, commandsPerMinute: 1000, writers: WRITERS },
    seededOpenTickets: TICKETS,
    targets: { deliveryToAllP99Ms: TARGET_P99_MS, eventRefetches: 0, mismatches: 0 },
    latencyClock: "arrival at the console's socket (Date.now) minus the commit (PostgreSQL's pg_xact_commit_timestamp of the event's row) or, on SQLite, minus the event's `at`, which the service reads before it writes the events and commits (an upper bound of commit-to-arrival)",
    benchSeconds: round((performance.now() - benchStart) / 1000),
    runs,
  };
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'outage-burst.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const r of runs) {
    const miss: string[] = [];
    if (!r.targetP99Met) miss.push(`delivery p99 ${r.deliveryToAllMs.p99} ms > ${TARGET_P99_MS} ms (load average ${r.loadAverage[0]}-${r.loadAverage[1]} on ${cpus().length} cores${r.machineCpu === null ? '' : `, busy ${r.machineCpu.busyPercent} % and stolen ${r.machineCpu.stealPercent} % of them in the burst`}, shared by the service, the ${r.consoles} simulated consoles and writers (${round(r.loadGeneratorCpuMs.burst / 1000)} s CPU in the burst) and whatever else runs)`);
    if (r.eventRefetches > 0) miss.push(`${r.eventRefetches} refetches caused by events`);
    if (r.mismatches > 0) miss.push(`${r.mismatches} consoles differ from a fresh fetch`);
    if (r.burst.deliveries !== r.burst.expectedDeliveries) miss.push(`${r.burst.expectedDeliveries - r.burst.deliveries} deliveries missing`);
    console.log(
      `${r.run.padEnd(11)} ${r.openTicketsAtStart} open, ${r.consoles} consoles: ${r.burst.filed} filed + ${r.burst.commands} commands in ${r.burst.seconds} s → ${r.burst.events} events, ` +
        `delivery to all from the ${r.deliveryFrom} p50/p95/p99/max ${r.deliveryToAllMs.p50}/${r.deliveryToAllMs.p95}/${r.deliveryToAllMs.p99}/${r.deliveryToAllMs.max} ms (from the command's at p99 ${r.fromCommandToAllMs.p99} ms${r.commandToCommitMs === null ? '' : `, its at to its commit p50/p99 ${r.commandToCommitMs.p50}/${r.commandToCommitMs.p99} ms`}; each delivery from its at p99 ${r.deliveryMs.p99} ms; in the consoles' onEvent p99 ${r.handledByAllMs.p99} ms; an idle stream p50/p99 ${r.idleStreamMs.map((d) => `${d.p50}/${d.p99}`).join(' and ')} ms; the consoles' threads' GC pauses up to ${r.simulatorGc.maxPauseMs} ms, ${r.simulatorGc.totalMsPerThread.join(' and ')} ms in all; a command's at to its answer p50/p99 ${r.burst.atToAnswerMs.p50}/${r.burst.atToAnswerMs.p99} ms); ` +
        `refetches by events ${r.eventRefetches}, mismatches ${r.mismatches}; service CPU ${r.serviceCpu.perEventMs} ms/event (${r.serviceCpu.burstMs} ms); ` +
        `old design: ${r.oldDesign.bursts} bursts × ${r.consoles} full lists × ${r.oldDesign.fullListServiceCpuMs} ms = ${round(r.oldDesign.serviceCpuEstimatedMs / 1000)} s CPU; ` +
        `sign-in and first load of all consoles ${r.signInAndLoad.seconds} s (${round(r.signInAndLoad.serviceCpuMs / 1000)} s service CPU)` +
        (miss.length === 0 ? '' : `  MISSED: ${miss.join('; ')}`),
    );
  }
  console.log(`written to bench/results/outage-burst.json (${results.benchSeconds} s)`);
} finally {
  cluster?.destroy();
  rmSync(dir, { recursive: true, force: true });
}
