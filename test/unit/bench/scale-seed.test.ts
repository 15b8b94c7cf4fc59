import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTicket, playTicket, rng, timeline, type AgentActor, type Cast, type CustomerActor } from '../../../bench/scale/history.ts';
import { percentile, legacyQueueSql } from '../../../bench/scale/queue-sql.ts';
import { seededDatabase, type Seeded, type SeedOptions } from '../../../bench/scale/seed.ts';
import { openDatabase, type Db } from '../../../server/db/index.ts';
import { createService, type Service } from '../../../server/service.ts';
import { listRows } from '../../../server/store/tickets.ts';
import { OPEN_STATUSES, type Ticket, type Tier } from '../../../shared/model/index.ts';
import { createCalendar, DEFAULT_POLICY, evaluateSla } from '../../../shared/sla/index.ts';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-26T12:00:00Z');
const sla = { calendar: createCalendar(), policy: DEFAULT_POLICY };

// A cast of made-up ids: the pure pieces never touch a database.
const agent = (id: number, tiers: readonly Tier[], role: AgentActor['role'] = 'agent'): AgentActor => ({ kind: 'agent', id, name: `agent ${id}`, role, tiers });
const cast: Cast = {
  agentsByTier: {
    l1: [agent(1, ['l1']), agent(2, ['l1'])],
    'l2-analysts': [agent(3, ['l2-analysts'])],
    'l2-methodologists': [agent(4, ['l2-methodologists'])],
    l3: [agent(5, ['l3'])],
    l4: [agent(6, ['l4'])],
    escalation: [agent(7, ['escalation'], 'manager')],
  },
  customers: [{ kind: 'customer', id: 20, name: 'c', clientId: 1, language: 'uk', client: { id: 1, name: 'Alpha', primaryGroup: 'inbound', language: 'uk' } } satisfies CustomerActor],
};

describe('the scale seeder, pure pieces', () => {
  it('files exactly the open count asked for, in filing order, none after now', () => {
    const { createdAt, open } = timeline({ total: 5000, open: 700, recentDays: 7, historyDays: 365 }, NOW, rng(1));
    expect(open.reduce((n, x) => n + x, 0)).toBe(700);
    for (let i = 1; i < createdAt.length; i++) expect(createdAt[i]).toBeGreaterThanOrEqual(createdAt[i - 1] ?? 0);
    expect(Math.max(...createdAt)).toBeLessThanOrEqual(NOW);
    // The older tickets are all closed: the open ones are among the recent (open and half as many again).
    expect(open.slice(0, 5000 - 1050).every((x) => x === 0)).toBe(true);
  });

  it("plays every script through the service's rules; an open ticket's stored SLA columns are the engine's answer over its seeded history", () => {
    const random = rng(7);
    let messageId = 0;
    const states = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const open = i % 2 === 0;
      const createdAt = NOW - Math.floor(random() * 72 * HOUR);
      const plan = planTicket(random, cast, cast.customers[0] as CustomerActor, createdAt, open, NOW);
      const rows = playTicket(i + 1, plan, NOW, sla, () => ++messageId, open);
      const status = evaluateSla({ kind: plan.kind, events: rows.slaEvents }, NOW, sla);
      expect({ state: rows.ticket.sla_state, dueAt: rows.ticket.sla_due_at }).toEqual({ state: status.state, dueAt: status.dueAt });
      expect(OPEN_STATUSES.includes(rows.ticket.status)).toBe(open);
      expect(rows.clocks.map((c) => [c.started_at, c.due_at, c.stopped_at])).toEqual(status.clocks.map((c) => [c.startedAt, c.dueAt, c.stoppedAt]));
      for (const step of plan.steps) expect(step.at).toBeLessThanOrEqual(NOW);
      // Events only for the open ones, each carrying the ticket as it was after its command.
      expect(rows.events.length > 0).toBe(open);
      states.add(rows.ticket.sla_state);
    }
    expect([...states].sort()).toEqual(['breached', 'closed', 'idle', 'paused', 'running']);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
  });
});

describe('a seeded database, read by the real service', () => {
  const options: SeedOptions = { total: 600, open: 150, recentDays: 2, historyDays: 30, clients: 5, agentsPerTier: 1, openEvents: true, seed: 3 };
  let root: string;
  let seeded: Seeded;
  let db: Db;
  let service: Service;
  let url: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'dd-scale-test-'));
    seeded = await seededDatabase(options, () => {}, root);
    db = await openDatabase(seeded.file);
    service = await createService({ db, now: () => seeded.now, schedulerIntervalMs: 0 });
    url = await service.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await service.close();
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  const queue = async (): Promise<Ticket[]> => {
    const session = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'sofia', password: 'demo' }) });
    const { token } = (await session.json()) as { token: string };
    const res = await fetch(`${url}/api/v1/tickets?view=queue&limit=10000`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { tickets: Ticket[] }).tickets;
  };

  it("answers every open ticket with the SLA state and due time the seeder stored, from the history it stored", async () => {
    const tickets = await queue();
    expect(tickets).toHaveLength(150);
    const file = new DatabaseSync(seeded.file, { readOnly: true });
    const stored = new Map((file.prepare('select id, sla_state, sla_due_at from tickets').all() as { id: number; sla_state: string; sla_due_at: number | null }[]).map((r) => [r.id, r]));
    file.close();
    for (const t of tickets) expect({ id: t.id, state: t.sla.state, dueAt: t.sla.dueAt }).toEqual({ id: t.id, state: stored.get(t.id)?.sla_state, dueAt: stored.get(t.id)?.sla_due_at });
  });

  it("leaves the scheduler nothing to claim: every warning and breach due by the seed's instant is claimed already", async () => {
    expect(await service.scheduler.runDue()).toBe(0);
  });

  it("orders the queue as the service did before issue 13, at the seed's instant (every clock past due marked breached)", async () => {
    const file = new DatabaseSync(seeded.file, { readOnly: true });
    const legacy = legacyQueueSql(10_000);
    const legacyIds = (file.prepare(legacy.sql).all(...legacy.parameters(seeded.now)) as { id: number }[]).map((r) => r.id);
    file.close();
    const actor = { kind: 'agent' as const, id: 1, name: 'x', role: 'manager' as const, tiers: ['escalation' as const] };
    const rows = await listRows(db.kysely, actor, { view: 'queue', limit: 10_000 });
    expect(rows.map((r) => r.id)).toEqual(legacyIds);
  });
});

describe('the seeded-file cache', () => {
  it('reuses a valid seeded file, and seeds again when the file was changed by hand (an index of its own)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dd-scale-cache-'));
    try {
      const options: SeedOptions = { total: 40, open: 10, recentDays: 1, historyDays: 10, clients: 2, agentsPerTier: 1, openEvents: false, seed: 5 };
      const first = await seededDatabase(options, () => {}, root);
      expect(first.reused).toBe(false);
      const second = await seededDatabase(options, () => {}, root);
      expect({ reused: second.reused, file: second.file, now: second.now }).toEqual({ reused: true, file: first.file, now: first.now });
      const file = new DatabaseSync(first.file);
      file.exec('create index left_behind on tickets (subject)');
      file.close();
      const third = await seededDatabase(options, () => {}, root);
      expect(third.reused).toBe(false);
      const check = new DatabaseSync(third.file, { readOnly: true });
      expect(check.prepare("select count(*) as n from sqlite_master where name = 'left_behind'").get()).toEqual({ n: 0 });
      expect(check.prepare('select count(*) as n from tickets').get()).toEqual({ n: 40 });
      check.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
