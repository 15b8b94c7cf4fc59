/** SQLite backups through SQLite's online backup API (node:sqlite `backup()`), consistent under WAL while the service writes. */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';

// All pages in one step: one read transaction, so a concurrent writer cannot make it restart or tear.
const ALL_PAGES = 1_000_000_000;

/** The highest event seq in a SQLite file (0 when none), read-only. */
export function sqliteHeadSeq(path: string): number {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare('select coalesce(max(seq), 0) as head from events').get() as { head: number };
    return Number(row.head);
  } finally {
    db.close();
  }
}

/** Copies `db` to the file `partial` through SQLite's backup API in one step, then closes it; nothing is left behind on failure. */
async function copyTo(db: DatabaseSync, partial: string): Promise<void> {
  try {
    await backup(db, partial, { rate: ALL_PAGES });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/** Copies the live database at `source` to `target` (written to a temp name, then renamed). Returns the head seq it holds. */
export async function backupSqlite(source: string, target: string): Promise<number> {
  if (!existsSync(source)) throw new Error(`no SQLite database at ${source}`);
  const partial = `${target}.partial`;
  const db = new DatabaseSync(source);
  db.exec('PRAGMA busy_timeout = 5000');
  await copyTo(db, partial);
  renameSync(partial, target);
  return sqliteHeadSeq(target);
}

/** Whether the SQLite file at `path` holds any table (a missing or empty file holds none). */
export function sqliteHasTables(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
    return Number(row.n) > 0;
  } finally {
    db.close();
  }
}

/**
 * Restores `from` into `target` (which must not be in use): copied through the backup API next to
 * it, then, only once complete, put in its place with the old -wal/-shm removed.
 */
export async function restoreSqlite(from: string, target: string): Promise<number> {
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  await copyTo(new DatabaseSync(from, { readOnly: true }), partial);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(partial, target);
  return sqliteHeadSeq(target);
}
