// `npm run bench` (part 2): the queue with 10,000 open tickets, as the service serves it and as
// the console counts it down. Results go to bench/results/console.json; nothing here fails on speed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countdownOf } from '../renderer/time/countdown.ts';
import { actorOf } from '../server/auth/sessions.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { openDatabase } from '../server/db/index.ts';
import { seedPeople } from '../server/demo/people.ts';
import { createService } from '../server/service.ts';
import { userById } from '../server/store/users.ts';
import type { Ticket } from '../shared/model/index.ts';
import { createCalendar, TICKET_KINDS } from '../shared/sla/index.ts';
import { applyLens, type QueueLens } from '../shared/tickets/queue-order.ts';
import { runFacts } from './run-facts.ts';

const TICKETS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'dd-bench-'));
const db = await openDatabase(join(dir, 'bench.sqlite'));
const people = await db.kysely.transaction().execute(async (trx) => seedPeople(trx, await hashPassword('demo'), Date.now()));
const service = await createService({ db, schedulerIntervalMs: 0 });
const url = await service.listen(0, '127.0.0.1');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

try {
  // Filing: one transaction per ticket, the SLA engine run and stored each time.
  const customer = await userById(db.kysely, people.users.get('alpha.user') ?? 0);
  if (customer === undefined) throw new Error('no demo customer');
  const actor = actorOf(customer);
  const filingStart = performance.now();
  for (let i = 0; i < TICKETS; i++) {
    await service.tickets.create(actor, { kind: TICKET_KINDS[i % TICKET_KINDS.length] ?? 'problem', subject: `Ticket ${i}`, body: 'Calls drop after 30 seconds.' });
  }
  const filingSeconds = (performance.now() - filingStart) / 1000;

  const login = await (await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'anna', password: 'demo' }) })).json() as { token: string };
  const get = async (path: string): Promise<{ ms: number; body: unknown }> => {
    const start = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${login.token}` } });
    const body = await res.json();
    return { ms: performance.now() - start, body };
  };
  const timesOf = async (path: string, runs: number): Promise<number[]> => {
    await get(path);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await get(path)).ms);
    return times;
  };
  const timeGet = async (path: string, runs: number): Promise<number> => round(median(await timesOf(path, runs)), 1);
  const p95Of = (xs: number[]): number => round([...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1] ?? Number.NaN, 1);
  const percentiles = async (path: string, runs: number) => {
    const times = await timesOf(path, runs);
    return { p50: round(median(times), 1), p95: p95Of(times) };
  };
  // Before issue 13: whole tickets, each with its SLA evaluated (what every console read per burst of events).
  const queueAllMs = await timeGet(`/api/v1/tickets?view=queue&limit=${TICKETS}`, 7);
  const queueFirst1000Ms = await timeGet('/api/v1/tickets?view=queue', 7);
  // Now: queue rows from stored columns, a page in the queue order (GET /api/v1/queue).
  const rows = {
    defaultPage1000: await percentiles('/api/v1/queue?view=queue', 40),
    consoleFirstPage500: await percentiles('/api/v1/queue?view=tier&limit=500', 40),
    all10000: await percentiles(`/api/v1/queue?view=queue&limit=${TICKETS}`, 9),
  };
  const searchMs = await timeGet('/api/v1/queue?view=queue&q=Ticket%209999', 7);
  const detailMs = await timeGet('/api/v1/tickets/5000', 15);
  const { body } = await get(`/api/v1/tickets?view=queue&limit=${TICKETS}`);
  const tickets = (body as { tickets: Ticket[] }).tickets;

  // The console's one-second tick: every visible countdown recomputed from dueAt.
  const calendar = createCalendar();
  const tick = (rows: readonly Ticket[], now: number): number => {
    let n = 0;
    for (const t of rows) n += countdownOf(t.sla, now, 'uk', calendar).text.length;
    return n;
  };
  const perTick = (rows: readonly Ticket[]): number => {
    const start = performance.now();
    const ticks = 30;
    for (let s = 0; s < ticks; s++) tick(rows, Date.now() + s * 1000);
    return round((performance.now() - start) / ticks, 3);
  };
  tick(tickets, Date.now());
  const visible = tickets.slice(0, 40);

  // The queue's sort and filters (shared/tickets/queue-order.ts) over every loaded row, once per change.
  const lensMs = (lens: QueueLens): number => {
    applyLens(tickets, lens, 'uk');
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const start = performance.now();
      applyLens(tickets, lens, 'uk');
      times.push(performance.now() - start);
    }
    return round(median(times), 2);
  };
  const lens = {
    sortBySubject: lensMs({ sort: { column: 'subject', direction: 'asc' }, filters: {} }),
    sortByDueDesc: lensMs({ sort: { column: 'due', direction: 'desc' }, filters: {} }),
    filterUnassignedProblems: lensMs({ sort: null, filters: { assigneeId: 'none', kind: 'problem' } }),
  };

  const results = {
    ...runFacts(),
    engine: 'sqlite',
    openTickets: tickets.length,
    fileTicketsPerSecond: Math.round(TICKETS / filingSeconds),
    httpMedianMs: {
      queueAll10000: queueAllMs,
      queueDefaultLimit1000: queueFirst1000Ms,
      searchByNumber: searchMs,
      ticketDetail: detailMs,
    },
    queueRowsMs: { ...rows, targetP95DefaultPage: 30 },
    consoleTickMs: { allRows: perTick(tickets), visibleRows40: perTick(visible) },
    queueLensMedianMs: lens,
  };
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'console.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`filing tickets:                 ${results.fileTicketsPerSecond} tickets/s (one transaction each, SQLite)`);
  console.log(`whole tickets (before): all ${tickets.length} open ${queueAllMs} ms, default 1,000 ${queueFirst1000Ms} ms (medians)`);
  console.log(`queue rows, default page of 1,000: p50 ${rows.defaultPage1000.p50} ms, p95 ${rows.defaultPage1000.p95} ms: ${rows.defaultPage1000.p95 <= 30 ? 'met' : 'MISSED'} (target p95 <= 30 ms)`);
  console.log(`queue rows, the console's first page (500 of a tier): p50 ${rows.consoleFirstPage500.p50} ms, p95 ${rows.consoleFirstPage500.p95} ms; all ${tickets.length}: p50 ${rows.all10000.p50} ms`);
  console.log(`search ${searchMs} ms;  detail ${detailMs} ms`);
  console.log(`console tick, ${tickets.length} countdowns: ${results.consoleTickMs.allRows} ms; the 40 visible rows: ${results.consoleTickMs.visibleRows40} ms`);
  console.log(`queue lens over ${tickets.length} rows:   sort by subject ${lens.sortBySubject} ms; by due ${lens.sortByDueDesc} ms; filter ${lens.filterUnassignedProblems} ms`);
  console.log('written to bench/results/console.json');
} finally {
  await service.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
