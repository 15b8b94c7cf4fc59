/**
 * Time-driven SLA events: sla.warning at each clock's warnAt and sla.breached at its dueAt, each at
 * most once per clock across every instance sharing the database; the outages' restoration
 * alarms (domain/outage-alarms.ts) are claimed the same way. A claim is a conditional UPDATE
 * (`... where warned_at is null`) in the same transaction as the event row, after locking the
 * ticket row: of two instances racing, the second sees the claim and writes nothing.
 */
import type { Db } from './db/index.ts';
import type { OutageAlarms } from './domain/outage-alarms.ts';
import type { Paging } from './domain/paging.ts';
import type { TicketService } from './domain/ticket-service.ts';
import type { Executor } from './store/executor.ts';
import { briefOf, ticketRow } from './store/tickets.ts';

/** The scheduler of one service instance. */
export interface Scheduler {
  /** Emits every warning and breach due by now; resolves to the number of events written. */
  runDue(): Promise<number>;
  /** Starts polling every `intervalMs`. */
  start(intervalMs: number): void;
  stop(): void;
}

const BATCH = 200;

/**
 * The clocks whose warning or breach is due by `now` and not claimed yet, in (ticket, clock) order,
 * and whether either kind may have more than `limit` (another batch is needed). Each kind is read
 * from its own partial index (sla_clocks_pending_warn, sla_clocks_pending_breach), earliest due
 * first (then by ticket), so beyond one batch the longest overdue are claimed first:
 * one query with OR ordered by ticket made SQLite walk every clock ever stored, each second
 * (~180 ms at a million tickets).
 */
export async function dueClocks(db: Executor, now: number, limit: number): Promise<{ clocks: { ticket_id: number; idx: number }[]; more: boolean }> {
  const [warn, breach] = dueClockQueries(db, now, limit);
  const warnings = await warn.execute();
  const breaches = await breach.execute();
  const byKey = new Map<string, { ticket_id: number; idx: number }>();
  for (const c of [...warnings, ...breaches]) byKey.set(`${c.ticket_id}:${c.idx}`, { ticket_id: c.ticket_id, idx: c.idx });
  const clocks = [...byKey.values()].sort((a, b) => a.ticket_id - b.ticket_id || a.idx - b.idx);
  return { clocks, more: warnings.length === limit || breaches.length === limit };
}

/** The two queries of dueClocks: warnings due, breaches due (exported so a test can read their plans). */
export function dueClockQueries(db: Executor, now: number, limit: number) {
  const pending = db.selectFrom('sla_clocks').select(['ticket_id', 'idx']).where('stopped_at', 'is', null);
  return [
    pending.where('warned_at', 'is', null).where('warn_at', '<=', now).orderBy('warn_at').orderBy('ticket_id').orderBy('idx').limit(limit),
    pending.where('breached_at', 'is', null).where('due_at', '<=', now).orderBy('due_at').orderBy('ticket_id').orderBy('idx').limit(limit),
  ] as const;
}

/** Builds the scheduler. */
export function createScheduler(deps: {
  readonly db: Db;
  readonly now: () => number;
  readonly tickets: TicketService;
  readonly paging?: Paging;
  readonly outageAlarms?: OutageAlarms;
  /** Woken on every tick: sends Telegram messages whose retry is due (server/telegram/sender.ts). */
  readonly telegram?: { wake(): void } | null;
  readonly onError: (error: unknown) => void;
}): Scheduler {
  const { db, tickets } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  type Roster = Awaited<ReturnType<Paging['rosterFor']>>;

  async function claim(ticketId: number, idx: number, now: number, roster: Roster): Promise<number> {
    return tickets.inTransaction(async (tx) => {
      const row = await ticketRow(tx.trx, ticketId, db.engine === 'postgres');
      if (row === undefined) return 0;
      const clock = await tx.trx.selectFrom('sla_clocks').selectAll().where('ticket_id', '=', ticketId).where('idx', '=', idx).executeTakeFirst();
      if (clock === undefined || clock.stopped_at !== null) return 0;
      const info = { index: idx, target: clock.target, startedAt: clock.started_at, dueAt: clock.due_at, warnAt: clock.warn_at };
      // The conditional UPDATE is the claim: true for exactly one instance.
      const claimed = async (column: 'warned_at' | 'breached_at'): Promise<boolean> => {
        const r = await tx.trx
          .updateTable('sla_clocks')
          .set(column === 'warned_at' ? { warned_at: now } : { breached_at: now })
          .where('ticket_id', '=', ticketId)
          .where('idx', '=', idx)
          .where(column, 'is', null)
          .executeTakeFirst();
        return Number(r.numUpdatedRows) === 1;
      };
      let written = 0;
      const breachDue = clock.breached_at === null && clock.due_at <= now;
      if (clock.warned_at === null && clock.warn_at <= now) {
        // A warning that comes due together with its breach says nothing the breach does not.
        if ((await claimed('warned_at')) && !breachDue) {
          tx.events.push({ type: 'sla.warning', ticket: briefOf(row), agentsOnly: true, data: { clock: info } });
          written++;
          // An escalation clock at its warning after hours pages (docs/oncall.md).
          if (row.escalated === 1 && deps.paging !== undefined && (await deps.paging.trigger(tx, row, 'sla_warning', roster))) written++;
        }
      }
      if (breachDue) {
        if (await claimed('breached_at')) {
          // The queue sorts by the stored state; a running clock past its due time is now breached.
          await tx.trx.updateTable('tickets').set({ sla_state: 'breached' }).where('id', '=', ticketId).where('sla_state', '=', 'running').execute();
          const after = (await ticketRow(tx.trx, ticketId, false)) ?? row;
          tx.events.push({ type: 'sla.breached', ticket: briefOf(after), agentsOnly: true, data: { clock: info } });
          written++;
        }
      }
      return written;
    }, now);
  }

  /** One step of the paging ladder for every page due by `now`; `roster` is who is on call now. */
  async function stepPages(now: number, roster: () => Promise<NonNullable<Roster>>): Promise<number> {
    const { paging } = deps;
    if (paging === undefined) return 0;
    let total = 0;
    for (;;) {
      const due = await paging.due(now, BATCH);
      if (due.length === 0) return total;
      const who = await roster();
      for (const p of due) total += await tickets.inTransaction((tx) => paging.step(tx, p.id, p.ticket_id, who), now);
      // A step moves next_at past now or to null, so a short batch is the last one.
      if (due.length < BATCH) return total;
    }
  }

  async function runDue(): Promise<number> {
    const now = deps.now();
    // Who is on call, asked once per run and before any transaction (the roster reads the database).
    let asked: Promise<Roster> | undefined;
    const rosterNow = (): Promise<Roster> => (asked ??= deps.paging === undefined ? Promise.resolve(null) : deps.paging.rosterFor(now));
    // A page opened after hours keeps climbing until acknowledged, even into working time.
    // A failing page step is logged and must not hold up the SLA events below.
    let total = await stepPages(now, () => deps.paging?.whoIsOnCall(now) ?? Promise.resolve({ primary: null, secondary: null })).catch((error: unknown) => {
      deps.onError(error);
      return 0;
    });
    // Likewise a failing outage alarm.
    total += await (deps.outageAlarms?.(now) ?? Promise.resolve(0)).catch((error: unknown) => {
      deps.onError(error);
      return 0;
    });
    for (;;) {
      const { clocks: due, more } = await dueClocks(db.kysely, now, BATCH);
      const roster = due.length === 0 ? null : await rosterNow();
      for (const c of due) total += await claim(c.ticket_id, c.idx, now, roster);
      // Every claimed row leaves the candidate set, so short batches are the last ones.
      if (!more) return total;
    }
  }

  return {
    runDue() {
      // Overlapping runs would only race each other for the same claims.
      running ??= runDue().finally(() => (running = undefined));
      return running;
    },
    start(intervalMs) {
      if (timer !== undefined || intervalMs <= 0) return;
      timer = setInterval(() => {
        this.runDue().catch(deps.onError);
        deps.telegram?.wake();
      }, intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
