/**
 * Online backups and restores of either engine (R16: data is backed up daily). A backup is one
 * file in a folder, named for the moment it was taken; it holds a consistent snapshot (all of a
 * command or none of it) and says up to which event `seq` it reaches.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isPostgresUrl, type Engine } from '../db/index.ts';
import { backupFileName } from './files.ts';
import { backupPostgres, postgresTableCount, restorePostgres } from './postgres.ts';
import { backupSqlite, restoreSqlite, sqliteHasTables } from './sqlite.ts';

export { backupFileName, listBackups, pruneBackups } from './files.ts';

/** A backup written. */
export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly ms: number;
  /** The highest event seq in the backup: every change up to it is there, none after it. */
  readonly headSeq: number;
}

/** The engine a --db value names. */
export function engineOf(location: string): Engine {
  return isPostgresUrl(location) ? 'postgres' : 'sqlite';
}

/** Backs up the database at `location` (a SQLite path or a postgres:// URL) into `dir`, while the service runs. */
export async function backupDatabase(location: string, dir: string, now: number = Date.now()): Promise<BackupResult> {
  const engine = engineOf(location);
  mkdirSync(dir, { recursive: true });
  const file = resolve(join(dir, backupFileName(engine, now)));
  const started = performance.now();
  const headSeq = engine === 'sqlite' ? await backupSqlite(location, file) : await backupPostgres(location, file);
  return { file, bytes: statSync(file).size, ms: Math.round(performance.now() - started), headSeq };
}

/** A restore refused because the target already holds data. */
export class TargetNotEmptyError extends Error {}

/**
 * Restores the backup `from` into the database at `location`, which must be new or empty, unless
 * `force` (then it is replaced; stop every service using it first). Returns the head seq restored.
 */
export async function restoreDatabase(from: string, location: string, force = false): Promise<number> {
  const engine = engineOf(location);
  const kind = from.endsWith('.dump') ? 'postgres' : 'sqlite';
  if (kind !== engine) throw new Error(`${from} is a ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup; it restores into a ${kind === 'sqlite' ? 'SQLite file' : 'postgres:// database'}, not ${engine === 'sqlite' ? 'a SQLite file' : 'PostgreSQL'}`);
  statSync(from);
  const populated = engine === 'sqlite' ? sqliteHasTables(location) : (await postgresTableCount(location)) > 0;
  if (populated && !force) {
    throw new TargetNotEmptyError(`the target database already holds tables; restore into a new or empty database, or pass --force to replace its contents (stop every service using it first)`);
  }
  return engine === 'sqlite' ? restoreSqlite(from, location) : restorePostgres(from, location, populated);
}
