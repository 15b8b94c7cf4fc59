/**
 * The service's daily backup: at a fixed wall-clock time in the support zone (03:00 by default),
 * it writes a backup, then deletes all but the newest `keep`. A failure is logged loudly and the
 * next day's run tries again. Time and timers are injected, so tests drive it without waiting.
 */
import { DateTime } from 'luxon';
import type { BackupResult } from './index.ts';

/** What the schedule needs; `backup` and `prune` do the work, the rest is time and logging. */
export interface BackupScheduleOptions {
  readonly backup: () => Promise<BackupResult>;
  readonly prune: () => string[];
  readonly now: () => number;
  /** The IANA zone whose wall clock `at` follows. */
  readonly zone: string;
  /** HH:MM, default 03:00. */
  readonly at?: string;
  readonly schedule: (run: () => void, ms: number) => () => void;
  readonly log: (line: string) => void;
}

/** A running daily schedule. */
export interface BackupSchedule {
  /** When the next backup runs (epoch ms). */
  nextAt(): number;
  /** Runs one backup now (as the timer would); resolves once written and pruned, or failed and logged. */
  runNow(): Promise<BackupResult | null>;
  stop(): void;
}

/** The next instant after `now` at which the wall clock in `zone` reads `at`. */
export function nextDailyRun(now: number, zone: string, at = '03:00'): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (match === null) throw new Error(`backup time must be HH:MM, not ${at}`);
  const time = { hour: Number(match[1]), minute: Number(match[2]), second: 0, millisecond: 0 };
  const local = DateTime.fromMillis(now, { zone });
  const today = local.set(time);
  // Tomorrow's date first, then the time: a wall time skipped by a clock change (luxon moves it
  // an hour on) must not carry over to the days after.
  return (today.toMillis() > now ? today : local.startOf('day').plus({ days: 1 }).set(time)).toMillis();
}

/** Starts the schedule: the first backup at the next `at`, then every day. */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  let next = 0;
  let cancel: (() => void) | null = null;
  let stopped = false;

  const runNow = async (): Promise<BackupResult | null> => {
    try {
      const result = await options.backup();
      const pruned = options.prune();
      options.log(`backup written: ${result.file} (${result.bytes} bytes in ${result.ms} ms, events up to seq ${result.headSeq})${pruned.length > 0 ? `; deleted ${pruned.length} older: ${pruned.join(', ')}` : ''}`);
      return result;
    } catch (error) {
      options.log(`BACKUP FAILED: ${error instanceof Error ? error.message : String(error)}. No backup was written today; the next attempt is at ${new Date(nextDailyRun(options.now(), options.zone, options.at)).toISOString()}.`);
      return null;
    }
  };
  const arm = (): void => {
    if (stopped) return;
    // From the run just made, even if its timer fired a little early: never twice on one day.
    next = nextDailyRun(Math.max(options.now(), next), options.zone, options.at);
    cancel = options.schedule(() => void runNow().then(arm), Math.max(0, next - options.now()));
  };
  arm();
  return {
    nextAt: () => next,
    runNow,
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
  };
}
