// `npm run bench` (part 3): what many sockets replaying `?since=0` do to another customer. One
// customer opens 200 event sockets that each replay 5,000 events while another customer files a
// ticket and an agent watches live. Results go to bench/results/replay-flood.json; nothing fails on speed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { hashPassword } from '../server/auth/passwords.ts';
import { openDatabase } from '../server/db/index.ts';
import { seedPeople } from '../server/demo/people.ts';
import { createService, type ServiceOptions } from '../server/service.ts';
import { runFacts } from './run-facts.ts';

if (!isMainThread) {
  // The worker: opens the sockets, says when the first replayed event arrives and when every accepted one is live.
  const { ws, tokens, sockets } = workerData as { ws: string; tokens: string[]; sockets: number };
  let accepted = 0;
  let refused = 0;
  let live = 0;
  let first = true;
  let settled = 0;
  const check = (): void => {
    if (settled === sockets && live === accepted) parentPort?.postMessage({ accepted, refused });
  };
  for (let i = 0; i < sockets; i++) {
    const s = new WebSocket(`${ws}/api/v1/events?since=0&token=${tokens[Math.floor(i / 5)] ?? ''}`);
    s.on('unexpected-response', () => {
      refused++;
      settled++;
      check();
    });
    s.on('open', () => {
      accepted++;
      settled++;
    });
    s.on('error', () => {});
    s.on('message', (data) => {
      if (first) {
        first = false;
        parentPort?.postMessage('replaying');
      }
      if (String(data).includes('"stream.live"')) {
        live++;
        check();
      }
    });
  }
  await new Promise(() => {});
}

const EVENTS = 5000;
const SOCKETS = 200;
const dir = mkdtempSync(join(tmpdir(), 'dd-bench-'));
const db = await openDatabase(join(dir, 'bench.sqlite'));
await db.kysely.transaction().execute(async (trx) => seedPeople(trx, await hashPassword('demo'), Date.now()));
const round = (x: number): number => Math.round(x);

type Run = { sockets: number; accepted: number; refused: number; filingMs: { median: number; max: number }; liveEventMs: { median: number; max: number }; floodDoneMs: number | null };
const FILINGS = 5;
const MAX_FILINGS = 400;
const stats = (xs: number[]) => ({ median: round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0), max: round(Math.max(...xs)) });

async function scenario(sockets: number, options: Partial<ServiceOptions>): Promise<Run> {
  const service = await createService({ db, schedulerIntervalMs: 0, ...options });
  const url = await service.listen(0, '127.0.0.1');
  const ws = url.replace(/^http/, 'ws');
  const signIn = async (login: string): Promise<string> =>
    ((await (await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'demo' }) })).json()) as { token: string }).token;
  const file = async (token: string, subject: string): Promise<number> =>
    ((await (await fetch(`${url}/api/v1/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ kind: 'problem', subject, body: 'x' }) })).json()) as { ticket: { id: number } }).ticket.id;
  try {
    const beta = await signIn('beta.user');
    const watcher = new WebSocket(`${ws}/api/v1/events?token=${await signIn('anna')}`);
    await new Promise((resolve) => watcher.once('message', resolve));
    // The flooding customer, in a worker thread so its parsing does not load the service's event
    // loop: one session per 5 sockets (the per-session limit), all of one user.
    const tokens = await Promise.all(Array.from({ length: Math.ceil(sockets / 5) }, () => signIn('alpha.user')));
    const start = performance.now();
    const flood = new Worker(new URL(import.meta.url), { workerData: { ws, tokens, sockets } });
    let accepted = 0;
    let refused = 0;
    let floodDone: number | null = null;
    const done = new Promise<void>((resolve) => flood.on('message', (m: 'replaying' | { accepted: number; refused: number }) => {
      if (m === 'replaying') return;
      ({ accepted, refused } = m);
      floodDone = performance.now() - start;
      resolve();
    }));
    // While the sockets connect and replay, another customer files tickets one after another
    // (until every replay is done, at least FILINGS); an agent waits for each live event.
    const filing: number[] = [];
    const liveEvent: number[] = [];
    for (let i = 0; i < FILINGS || (sockets > 0 && floodDone === null && i < MAX_FILINGS); i++) {
      const t0 = performance.now();
      const live = new Promise<number>((resolve) => {
        const on = (data: WebSocket.RawData): void => {
          if (!String(data).includes('"ticket.created"')) return;
          watcher.off('message', on);
          resolve(performance.now());
        };
        watcher.on('message', on);
      });
      await file(beta, `filed during the flood ${i}`);
      filing.push(performance.now() - t0);
      liveEvent.push((await live) - t0);
    }
    if (sockets > 0) await done;
    await flood.terminate();
    return { sockets, accepted, refused, filingMs: stats(filing), liveEventMs: stats(liveEvent), floodDoneMs: floodDone === null ? null : round(floodDone) };
  } finally {
    await service.close();
  }
}

try {
  // EVENTS stored events, visible to the flooding customer (alpha's tickets).
  const warm = await createService({ db, schedulerIntervalMs: 0 });
  const wurl = await warm.listen(0, '127.0.0.1');
  const token = ((await (await fetch(`${wurl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'alpha.user', password: 'demo' }) })).json()) as { token: string }).token;
  await fetch(`${wurl}/api/v1/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ kind: 'problem', subject: 'seed', body: 'x' }) });
  await warm.close();
  const row = await db.kysely.selectFrom('events').select(['type', 'at', 'ticket_id', 'client_id', 'audience', 'payload']).where('audience', '=', 'all').executeTakeFirstOrThrow();
  for (let n = 1; n < EVENTS; n += 500) await db.kysely.insertInto('events').values(Array.from({ length: Math.min(500, EVENTS - n) }, () => row)).execute();

  const quiet = await scenario(0, {});
  const lifted = await scenario(SOCKETS, { eventSocketLimits: { perSession: SOCKETS, perUser: SOCKETS } });
  const limited = await scenario(SOCKETS, {});
  const results = { ...runFacts(), engine: 'sqlite', storedEvents: EVENTS, quiet, floodLimitsLifted: lifted, floodDefaultLimits: limited };
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'replay-flood.json'), `${JSON.stringify(results, null, 2)}\n`);
  const line = (name: string, r: Run): string =>
    `${name.padEnd(30)} sockets ${r.accepted}/${r.sockets} (refused ${r.refused}); filing median ${r.filingMs.median} ms, max ${r.filingMs.max} ms; live event median ${r.liveEventMs.median} ms, max ${r.liveEventMs.max} ms; all replays done ${r.floodDoneMs ?? '-'} ms`;
  console.log(line('no flood', quiet));
  console.log(line('200 replays, limits lifted', lifted));
  console.log(line('200 replays, default limits', limited));
  console.log('written to bench/results/replay-flood.json');
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
