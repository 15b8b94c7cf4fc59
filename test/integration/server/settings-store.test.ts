/** service_settings through server/store/settings.ts, on both engines. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Db } from '../../../server/db/index.ts';
import { getSetting, getSettingRecord, putSetting, replaceSetting } from '../../../server/store/settings.ts';
import { engines, freshDatabase } from '../../support/service.ts';

const schema = z.object({ n: z.number() });

describe.each(engines())('service settings on %s', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase(engine);
    drop = fresh.drop;
    db = await openDatabase(fresh.location);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('reads what was written, with who and when; absent is undefined; a second write replaces', async () => {
    expect(await getSetting(db.kysely, 'a', schema)).toBeUndefined();
    await putSetting(db.kysely, 'a', { n: 1 }, null, 1000);
    await putSetting(db.kysely, 'a', { n: 2 }, null, 2000);
    expect(await getSettingRecord(db.kysely, 'a', schema)).toEqual({ value: { n: 2 }, updatedAt: 2000, updatedBy: null, stored: '{"n":2}' });
  });

  it('a stored value that does not fit the schema is refused loudly, never half-read', async () => {
    await putSetting(db.kysely, 'b', { n: 'two' }, null, 1000);
    await expect(getSetting(db.kysely, 'b', schema)).rejects.toThrow("service setting 'b' is not what this version expects");
  });

  it('replaceSetting replaces only the value it was shown: of two overlapping transactions, one wins', async () => {
    await putSetting(db.kysely, 'c', { n: 0 }, null, 1000);
    const seen = (await getSettingRecord(db.kysely, 'c', schema))?.stored ?? '';
    let second: Promise<boolean> | undefined;
    const first = await db.kysely.transaction().execute(async (trx) => {
      const won = await replaceSetting(trx, 'c', seen, { n: 1 }, null, 2000);
      // The second starts while the first holds the row, uncommitted.
      second = db.kysely.transaction().execute((t2) => replaceSetting(t2, 'c', seen, { n: 2 }, null, 3000));
      if (db.engine === 'postgres') {
        // Wait until the second is queued on the row's lock, so the overlap is real.
        for (;;) {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db.kysely);
          if ((rows[0]?.n ?? 0) > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
      }
      return won;
    });
    expect([first, await second]).toEqual([true, false]);
    expect(await getSetting(db.kysely, 'c', schema)).toEqual({ n: 1 });
  });
});
