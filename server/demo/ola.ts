/** The demo's internal targets (docs/ola.md): L2 answers within 4 working hours, L3 within 8, L4 within 16; L1 has the SLA. */
import type { OlaTargets } from '../../shared/ola/index.ts';
import type { Db } from '../db/index.ts';
import { storeOlaTargets } from '../store/ola.ts';

/** The demo's targets, in working minutes. */
export const DEMO_OLA_TARGETS: OlaTargets = { l1: null, 'l2-analysts': 240, 'l2-methodologists': 240, l3: 480, l4: 960 };

/** Stores them, as set by the service itself (no admin) at `now`. */
export async function seedOlaTargets(db: Db, now: number): Promise<void> {
  await db.kysely.transaction().execute((trx) => storeOlaTargets(trx, DEMO_OLA_TARGETS, null, now));
}
