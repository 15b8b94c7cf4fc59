import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrateToLatest } from './migrations.ts';
import { createPgPool } from './postgres.ts';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite.ts';
import type pg from 'pg';

/** The two storage engines. */
export type Engine = 'sqlite' | 'postgres';

/** An open, migrated database. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly engine: Engine;
  /** PostgreSQL only: the pool, for LISTEN connections and advisory locks. */
  readonly pool: pg.Pool | null;
  /** PostgreSQL only: the connection string, for the LISTEN client. */
  readonly url: string | null;
  /** Where it lives, without credentials (for logs). */
  readonly description: string;
  close(): Promise<void>;
}

/** Whether a --db value names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens (creating when needed) and migrates the database at `location`: a SQLite path or a postgres:// URL. */
export async function openDatabase(location: string): Promise<Db> {
  let db: Db;
  if (isPostgresUrl(location)) {
    const pool = createPgPool(location);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(location);
    db = { kysely, engine: 'postgres', pool, url: location, description: `postgres://${url.host}${url.pathname}`, close: () => kysely.destroy() };
  } else {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(location) }) });
    db = { kysely, engine: 'sqlite', pool: null, url: null, description: location, close: () => kysely.destroy() };
  }
  try {
    await migrateToLatest(db.kysely, db.engine);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
