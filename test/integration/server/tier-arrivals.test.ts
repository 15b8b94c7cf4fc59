/**
 * A queue row's routing and internal clock come from the ticket's arrival columns (migration 0017),
 * which the ticket service keeps as it writes. Here they are checked against the definition from the
 * history (the audit and the messages), which the migration fills older databases with: on the demo's
 * seeded histories, every ticket's columns as kept equal the columns as derived.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index.ts';
import { TIER_ARRIVALS_SQL } from '../../../server/db/migrations.ts';
import { seedDemo } from '../../../server/demo/seed.ts';
import { loadCalendar } from '../../../server/store/calendar.ts';
import { DEFAULT_CALENDAR_CONFIG, DEFAULT_POLICY } from '../../../shared/sla/index.ts';
import { engines, freshDatabase } from '../../support/service.ts';

/** Wednesday 2026-11-25 11:00 in Kyiv. */
const NOW = Date.parse('2026-11-25T09:00:00Z');

describe.each(engines())('tier arrival columns on %s', (engine) => {
  it('as the service keeps them equal what migration 0017 derives from the audit and the messages', async () => {
    const fresh = await freshDatabase(engine);
    const db = await openDatabase(fresh.location);
    try {
      const calendar = (await loadCalendar(db.kysely, DEFAULT_CALENDAR_CONFIG)).timeline;
      expect(await seedDemo(db, NOW, { calendar, policy: DEFAULT_POLICY })).toBe(true);
      const columns = () => db.kysely.selectFrom('tickets').select(['id', 'tier_arrived_at', 'routed_audit_id', 'first_answer_at']).orderBy('id').execute();
      const kept = await columns();
      // The demo's histories reach every case: routed tickets, tickets answered in their tier, and not yet.
      expect(kept.every((r) => r.tier_arrived_at !== null)).toBe(true);
      expect(kept.filter((r) => r.routed_audit_id !== null).length).toBeGreaterThan(5);
      expect(kept.filter((r) => r.first_answer_at !== null).length).toBeGreaterThan(5);
      expect(kept.filter((r) => r.first_answer_at === null).length).toBeGreaterThan(5);

      await sql`update tickets set tier_arrived_at = null, routed_audit_id = null, first_answer_at = null`.execute(db.kysely);
      for (const statement of TIER_ARRIVALS_SQL) await sql.raw(statement).execute(db.kysely);
      expect(await columns()).toEqual(kept);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
