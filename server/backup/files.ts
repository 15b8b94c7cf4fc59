/** Backup file names, listing and retention. Names sort by time: dutydesk-20250114T030000Z.sqlite | .dump */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../db/index.ts';

const PATTERN = /^dutydesk-(\d{8}T\d{6}(?:\d{3})?Z)\.(sqlite|dump)$/;

/** The file name of a backup taken at `at` (UTC, to the millisecond so two backups never collide). */
export function backupFileName(engine: Engine, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '');
  return `dutydesk-${stamp}.${engine === 'sqlite' ? 'sqlite' : 'dump'}`;
}

/** The backups in `dir` (our names only), newest first. */
export function listBackups(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => PATTERN.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .reverse();
}

/** Deletes all but the `keep` newest backups in `dir`; returns the names deleted. Other files are left alone. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a whole number of at least 1, not ${keep}`);
  const old = listBackups(dir).slice(keep);
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}
