/**
 * The ticket service of the outage-burst bench as a child process of its own, so its CPU time is
 * measured apart from the simulated consoles (process.cpuUsage, asked over IPC). Started by
 * bench/outage-burst.bench.ts with the database and, for the first instance, what to seed.
 */
import { hashPassword } from '../../server/auth/passwords.ts';
import { actorOf } from '../../server/auth/sessions.ts';
import { openDatabase } from '../../server/db/index.ts';
import { DEMO_CUSTOMERS, seedPeople } from '../../server/demo/people.ts';
import { createService } from '../../server/service.ts';
import { insertUser, userById } from '../../server/store/users.ts';
import type { Actor } from '../../shared/workflow/index.ts';
import { TICKET_KINDS } from '../../shared/sla/index.ts';
import type { Role, Tier } from '../../shared/model/index.ts';

/** One account of the bench: a console's agent or a writer. */
export interface BenchAccount {
  readonly login: string;
  readonly role: Role;
  readonly tiers: readonly Tier[];
}

/** What the parent asks of a child. */
export interface ServiceRequest {
  readonly db: string;
  /** Seeds the people, these accounts and this many open tickets before listening (first instance only). */
  readonly seed: { readonly accounts: readonly BenchAccount[]; readonly tickets: number } | null;
}

/** Messages from the child. */
export type ServiceMessage =
  | { readonly type: 'listening'; readonly url: string; readonly seedMs: number }
  | { readonly type: 'usage'; readonly cpuMs: number; readonly rssMb: number }
  | { readonly type: 'failed'; readonly error: string };

export const BENCH_PASSWORD = 'demo';

const send = (m: ServiceMessage): void => {
  process.send?.(m);
};

async function main(request: ServiceRequest): Promise<void> {
  const db = await openDatabase(request.db);
  // No scheduler: its warnings and breaches would land after the bench compares the lists (the rows they carry are patched like any other).
  const service = await createService({ db, schedulerIntervalMs: 0 });
  const seedStart = performance.now();
  if (request.seed !== null) {
    const hash = await hashPassword(BENCH_PASSWORD);
    const now = Date.now();
    const { accounts, tickets } = request.seed;
    const people = await db.kysely.transaction().execute(async (trx) => {
      const seeded = await seedPeople(trx, hash, now);
      for (const a of accounts) await insertUser(trx, { login: a.login, name: `Bench ${a.login}`, kind: 'agent', role: a.role, tiers: a.tiers, language: 'en', passwordHash: hash }, now);
      return seeded;
    });
    const customers: Actor[] = [];
    for (const c of DEMO_CUSTOMERS) {
      const user = await userById(db.kysely, people.users.get(c.login) ?? 0);
      if (user === undefined) throw new Error(`no demo customer ${c.login}`);
      customers.push(actorOf(user));
    }
    // Filed through the service's own transactions (SLA clock, audit, events), a few at a time on PostgreSQL.
    const lanes = db.engine === 'postgres' ? 6 : 1;
    let next = 0;
    await Promise.all(Array.from({ length: lanes }, async () => {
      for (let i = next++; i < tickets; i = next++) {
        await service.tickets.create(customers[i % customers.length] as Actor, { kind: TICKET_KINDS[i % TICKET_KINDS.length] ?? 'problem', subject: `Seeded ticket ${i}`, body: 'Calls drop after 30 seconds.' });
      }
    }));
  }
  const seedMs = performance.now() - seedStart;
  const url = await service.listen(0, '127.0.0.1');
  process.on('message', (m: unknown) => {
    if (m === 'usage') {
      const { user, system } = process.cpuUsage();
      send({ type: 'usage', cpuMs: (user + system) / 1000, rssMb: Math.round(process.memoryUsage.rss() / 1e6) });
    } else if (m === 'close') {
      void service.close().then(() => db.close()).then(() => process.exit(0));
    }
  });
  send({ type: 'listening', url, seedMs });
}

process.once('message', (request: ServiceRequest) => {
  main(request).catch((error: unknown) => {
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});
