/** The service's own settings (service_settings): one JSON value per key, with who set it when. */
import type { Executor } from './executor.ts';

/** A stored setting. */
export interface Setting {
  /** The parsed JSON value. */
  readonly value: unknown;
  readonly updatedAt: number;
  readonly updatedBy: number | null;
}

/** The setting stored under `key`, or undefined when none is. */
export async function getSetting(db: Executor, key: string): Promise<Setting | undefined> {
  const row = await db.selectFrom('service_settings').selectAll().where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : { value: JSON.parse(row.value) as unknown, updatedAt: Number(row.updated_at), updatedBy: row.updated_by };
}

/** Stores `value` (as JSON) under `key`, replacing what was there. */
export async function putSetting(db: Executor, key: string, value: unknown, at: number, by: number | null): Promise<void> {
  const row = { value: JSON.stringify(value), updated_at: at, updated_by: by };
  await db
    .insertInto('service_settings')
    .values({ key, ...row })
    .onConflict((oc) => oc.column('key').doUpdateSet(row))
    .execute();
}
