/** The service's daily backups of its own database (wiring of schedule.ts for service.ts). */
import type { Db } from '../db/index.ts';
import { backupDatabase, pruneBackups } from './index.ts';
import { startBackupSchedule, type BackupSchedule } from './schedule.ts';

/** `--backup-dir` and `--backup-keep`, and injectable time for tests. */
export interface DailyBackupOptions {
  readonly dir: string;
  /** How many backups to keep (one a day: days); default 14. */
  readonly keep?: number;
  /** HH:MM in the support zone; default 03:00. */
  readonly at?: string;
  /** Timer; default setTimeout (unref'd). */
  readonly schedule?: (run: () => void, ms: number) => () => void;
  /** Where the outcome is written; default stderr. */
  readonly log?: (line: string) => void;
}

const timer = (run: () => void, ms: number): (() => void) => {
  const t = setTimeout(run, ms);
  t.unref();
  return () => clearTimeout(t);
};

/** Starts daily backups of `db` at `at` in `zone`. */
export function startDailyBackups(db: Db, options: DailyBackupOptions, now: () => number, zone: string): BackupSchedule {
  const location = db.engine === 'postgres' ? db.url : db.description;
  if (location === null || location === ':memory:') throw new Error('daily backups need a database file or a postgres:// URL, not an in-memory database');
  const keep = options.keep ?? 14;
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`--backup-keep must be a whole number of at least 1, not ${keep}`);
  return startBackupSchedule({
    backup: () => backupDatabase(location, options.dir, now()),
    prune: () => pruneBackups(options.dir, keep),
    now,
    zone,
    ...(options.at !== undefined ? { at: options.at } : {}),
    schedule: options.schedule ?? timer,
    log: options.log ?? ((line) => console.error(line)),
  });
}
