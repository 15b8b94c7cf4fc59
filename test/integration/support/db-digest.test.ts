/** The tests' proof that a refusal changed nothing: the digest, and the change marker that spares it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/index.ts';
import { changedTables, changeMarker, createDigester, digestDatabase } from '../../support/db-digest.ts';
import { engines, freshDatabase } from '../../support/service.ts';

describe.each(engines())('the database digest on %s', (engine) => {
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

  const addClient = (name: string) => db.kysely.insertInto('clients').values({ name, primary_group: 'inbound', language: 'en' }).execute();

  it('names the table a write changed, and none after a read or a rolled-back write', async () => {
    const before = await digestDatabase(db);
    await db.kysely.selectFrom('clients').selectAll().execute();
    await expect(db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('clients').values({ name: 'Rolled back', primary_group: 'inbound', language: 'en' }).execute();
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(changedTables(before, await digestDatabase(db))).toEqual([]);
    await addClient('Kept');
    expect(changedTables(before, await digestDatabase(db))).toEqual(['clients']);
  });

  it('has a change marker that stays on reads and moves on every write, even one rolled back', async () => {
    await addClient('Marked');
    const m0 = await changeMarker(db);
    await db.kysely.selectFrom('clients').selectAll().execute();
    expect(await changeMarker(db)).toBe(m0);
    await expect(db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('clients').set({ language: 'uk' }).execute();
      throw new Error('refused');
    })).rejects.toThrow('refused');
    const m1 = await changeMarker(db);
    expect(m1).not.toBe(m0);
    await addClient('Another');
    expect(await changeMarker(db)).not.toBe(m1);
  });

  it('digests again only after a write', async () => {
    const digest = createDigester(db);
    const first = await digest();
    expect(await digest()).toBe(first);
    await addClient('Yet another');
    const second = await digest();
    expect(second).not.toBe(first);
    expect(changedTables(first, second)).toEqual(['clients']);
  });
});
