/**
 * The restoration countdown's alarms (docs/availability.md, R18): `outage.warning` 10 minutes
 * before start + 30 minutes and `outage.overlong` at it, for open outages not excluded, each once
 * per outage across every instance. The claim is a conditional UPDATE of warned_at / overlong_at
 * (`... where warned_at is null`) in the transaction that writes the event and the timeline entry,
 * after locking the outage row, as the SLA clocks are claimed (server/scheduler.ts).
 */
import { outageWarnAt, restoreBy } from '../../shared/outage/index.ts';
import type { SlaPolicy } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import { auditOutage, outageRow } from '../store/outages.ts';
import { outageEvent } from './outage-events.ts';
import type { TicketService } from './ticket-service.ts';

const BATCH = 200;

/** Claims and emits every outage alarm due by `now`; resolves to the number of events written. */
export type OutageAlarms = (now: number) => Promise<number>;

/** Builds the outage alarms of one scheduler. */
export function outageAlarms(deps: { readonly db: Db; readonly policy: SlaPolicy; readonly inTransaction: TicketService['inTransaction'] }): OutageAlarms {
  const { db, policy } = deps;
  const lock = db.engine === 'postgres';

  async function claim(id: number, now: number): Promise<number> {
    return deps.inTransaction(async (tx) => {
      const row = await outageRow(tx.trx, id, lock);
      if (row === undefined || row.restored_at !== null || row.excluded === 1) return 0;
      // The conditional UPDATE is the claim: true for exactly one instance.
      const claimed = async (column: 'warned_at' | 'overlong_at'): Promise<boolean> => {
        const r = await tx.trx
          .updateTable('outages')
          .set(column === 'warned_at' ? { warned_at: now } : { overlong_at: now })
          .where('id', '=', id)
          .where(column, 'is', null)
          .where('restored_at', 'is', null)
          .where('excluded', '=', 0)
          .executeTakeFirst();
        return Number(r.numUpdatedRows) === 1;
      };
      let written = 0;
      const overlongDue = row.overlong_at === null && restoreBy(row.started_at, policy) <= now;
      if (row.warned_at === null && outageWarnAt(row.started_at, policy) <= now) {
        // A warning that comes due together with its overlong says nothing the overlong does not.
        if ((await claimed('warned_at')) && !overlongDue) {
          await auditOutage(tx.trx, id, null, 'warning', '10 minutes left to restore (R18)', now);
          tx.events.push(await outageEvent(tx.trx, row, { type: 'outage.warning' }, policy));
          written++;
        }
      }
      if (overlongDue && (await claimed('overlong_at'))) {
        await auditOutage(tx.trx, id, null, 'overlong', 'open longer than 30 minutes (R18)', now);
        tx.events.push(await outageEvent(tx.trx, row, { type: 'outage.overlong' }, policy));
        written++;
      }
      return written;
    }, now);
  }

  return async (now) => {
    // Both alarms are at a fixed offset from the start, so "due" is a bound on started_at.
    const warnFrom = now - outageWarnAt(0, policy);
    const overlongFrom = now - restoreBy(0, policy);
    let total = 0;
    for (;;) {
      const due = await db.kysely
        .selectFrom('outages')
        .select('id')
        .where('restored_at', 'is', null)
        .where('excluded', '=', 0)
        .where((eb) =>
          eb.or([
            eb.and([eb('warned_at', 'is', null), eb('started_at', '<=', warnFrom)]),
            eb.and([eb('overlong_at', 'is', null), eb('started_at', '<=', overlongFrom)]),
          ]),
        )
        .orderBy('id')
        .limit(BATCH)
        .execute();
      for (const o of due) total += await claim(o.id, now);
      // Every claimed row leaves the candidate set, so a short batch is the last one.
      if (due.length < BATCH) return total;
    }
  };
}
