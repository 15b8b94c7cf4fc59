/**
 * service_settings: the service's own settings by key ('setup', 'organization', 'calendar', ...),
 * each a JSON value read through a zod schema, so a value written by another version or edited
 * by hand is refused loudly rather than used half-understood.
 */
import type { z } from 'zod';
import type { Executor } from './executor.ts';

/** A setting as stored: its value, when it was last written, and by whom (a user id, or null for the service). */
export interface StoredSetting<T> {
  readonly value: T;
  readonly updatedAt: number;
  readonly updatedBy: number | null;
  /** The stored JSON text, exactly: what replaceSetting compares against. */
  readonly stored: string;
}

/** The setting `key` read through `schema` with who wrote it last; undefined when absent. Throws when the stored JSON does not fit. */
export async function getSettingRecord<T>(ex: Executor, key: string, schema: z.ZodType<T>): Promise<StoredSetting<T> | undefined> {
  const row = await ex.selectFrom('service_settings').selectAll().where('key', '=', key).executeTakeFirst();
  if (row === undefined) return undefined;
  const parsed = schema.safeParse(JSON.parse(row.value));
  if (!parsed.success) throw new Error(`service setting '${key}' is not what this version expects: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { value: parsed.data, updatedAt: Number(row.updated_at), updatedBy: row.updated_by, stored: row.value };
}

/** The setting `key` read through `schema`; undefined when absent. */
export async function getSetting<T>(ex: Executor, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  return (await getSettingRecord(ex, key, schema))?.value;
}

/** Writes (inserts or replaces) the setting `key`. */
export async function putSetting(ex: Executor, key: string, value: unknown, by: number | null, now: number): Promise<void> {
  const json = JSON.stringify(value);
  await ex
    .insertInto('service_settings')
    .values({ key, value: json, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now, updated_by: by }))
    .execute();
}

/**
 * Replaces the setting `key` only while its stored text is still `expected` (StoredSetting.stored):
 * true when this call replaced it. Concurrent callers on PostgreSQL queue on the row, and only
 * the first sees the old value; so this claims a one-time state change across instances.
 */
export async function replaceSetting(ex: Executor, key: string, expected: string, value: unknown, by: number | null, now: number): Promise<boolean> {
  const result = await ex
    .updateTable('service_settings')
    .set({ value: JSON.stringify(value), updated_at: now, updated_by: by })
    .where('key', '=', key)
    .where('value', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
