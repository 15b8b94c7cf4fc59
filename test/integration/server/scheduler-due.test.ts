/** The scheduler's search for due clocks: by its partial indexes, and more than one batch claimed once each. */
import { CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { actorOf } from '../../../server/auth/sessions.ts';
import { dueClockQueries } from '../../../server/scheduler.ts';
import { userById } from '../../../server/store/users.ts';
import { WORKING_HOURS } from '../../support/clock.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe('the due-clock search on sqlite', () => {
  const t = useTestService('sqlite');

  // A plan, not a timing: walking the clocks' primary key cost ~180 ms per second-by-second run at a million tickets.
  it('reads each kind of due clock from its partial index, never walking every clock', async () => {
    for (const [query, index] of dueClockQueries(t.db.kysely, WORKING_HOURS, 200).map((q, i) => [q, i === 0 ? 'sla_clocks_pending_warn' : 'sla_clocks_pending_breach'] as const)) {
      const compiled = query.compile();
      const plan = await t.db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
      const details = plan.rows.map((r) => r.detail);
      expect(details[0]).toContain(`SEARCH sla_clocks USING INDEX ${index}`);
      // Sorting the few due rows with equal times by ticket is fine; walking the table is not.
      expect(details.join(' ')).not.toMatch(/SCAN/);
    }
  });
});

describe.each(engines())('due clocks beyond one batch on %s', (engine) => {
  const t = useTestService(engine);

  it('claims every breach due at once, over several batches, each once, in ticket order', async () => {
    t.clock.set(WORKING_HOURS);
    const customer = await userById(t.db.kysely, t.people.users.get('alpha.user') ?? 0);
    if (customer === undefined) throw new Error('no demo customer');
    const ids: number[] = [];
    for (let i = 0; i < 230; i++) ids.push((await t.service.tickets.create(actorOf(customer), { kind: 'problem', subject: `Ticket ${i}`, body: 'Calls drop.' })).ticket.id);
    // More than one batch (200). Past every 20-minute reaction clock: warning and breach due together, so one sla.breached each.
    t.clock.set(WORKING_HOURS + 30 * MIN);
    expect(await t.service.scheduler.runDue()).toBe(230);
    expect(await t.service.scheduler.runDue()).toBe(0);
    const events = await t.db.kysely.selectFrom('events').select(['type', 'ticket_id']).where('type', 'in', ['sla.warning', 'sla.breached']).orderBy('seq').execute();
    expect(events.map((e) => e.ticket_id)).toEqual(ids);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['sla.breached']));
    const states = await t.db.kysely.selectFrom('tickets').select('sla_state').distinct().where('id', 'in', ids).execute();
    expect(states.map((s) => s.sla_state)).toEqual(['breached']);
  }, 60_000);
});
