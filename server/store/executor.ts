import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Anything queries can run on: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

// SQLite allows 32,766 bound parameters and PostgreSQL 65,535; stay well below both.
const CHUNK = 900;

/** Runs `query` over `ids` in chunks small enough for either engine, concatenating the results. */
export async function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await query(unique.slice(i, i + CHUNK))));
  return out;
}
