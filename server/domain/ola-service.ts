/**
 * Internal per-tier targets (docs/ola.md): every agent reads them; admins replace them, each change
 * written to the admin audit in its own transaction; managers and admins read the report.
 */
import { olaReport, type OlaTargets, type OlaTierFigures } from '../../shared/ola/index.ts';
import type { Calendar } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import { writeEvents } from '../events/outbox.ts';
import { writeAdminAudit } from '../store/admin-audit.ts';
import { olaStays, olaTargets, storeOlaTargets } from '../store/ola.ts';
import type { Actor } from './actor.ts';

/** The internal targets service. */
export type OlaService = ReturnType<typeof createOlaService>;

/** Builds it over the database and the support calendar (the live one: its changes over time included). */
export function createOlaService(deps: { readonly db: Db; readonly now: () => number; readonly calendar: Calendar; readonly onEvents: () => void }) {
  const { db } = deps;
  return {
    /** Every tier's target (null: none). */
    targets: (): Promise<OlaTargets> => olaTargets(db.kysely),

    /** Replaces every tier's target; the admin audit records before and after; agents' consoles hear of it (ola.changed). */
    async replace(actor: Actor, targets: OlaTargets): Promise<OlaTargets> {
      const stored = await db.kysely.transaction().execute(async (trx) => {
        const before = await olaTargets(trx);
        const now = deps.now();
        await storeOlaTargets(trx, targets, actor.id, now);
        await writeAdminAudit(trx, { actorId: actor.id, action: 'ola_targets_changed', targetKind: 'ola_targets', targetId: null, detail: { from: before, to: targets }, at: now });
        const after = await olaTargets(trx);
        await writeEvents(trx, db.engine, [{ type: 'ola.changed', ticket: null, data: { targets: after } }], now);
        return after;
      });
      deps.onEvents();
      return stored;
    },

    /** Per tier, the stays that began in [from, to), judged now by the rule of the queue. */
    async report(from: number, to: number): Promise<{ from: number; to: number; rows: OlaTierFigures[] }> {
      const [targets, stays] = [await olaTargets(db.kysely), await olaStays(db.kysely, from, to)];
      return { from, to, rows: olaReport(stays, targets, deps.now(), deps.calendar) };
    },
  };
}
