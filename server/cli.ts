/**
 * `npm run serve -- [--db <sqlite path | postgres url>] [--port N] [--host 127.0.0.1] [--demo [--clock <ISO instant>]] [--console <dir>]
 *   [--backup-dir <dir> [--backup-keep N] [--backup-at HH:MM]] [--paging-ack <minutes>]
 *   [--public-url <url>] [--telegram-token <token>] [--telegram-api-root <url>]`
 * `--backup-dir` turns on daily backups at 03:00 in the support zone, keeping the newest 14 (docs/operations.md).
 * `--clock` (with `--demo`, or on a database without accounts: a trial) starts the service's clock at that instant, running forward (server/demo-clock.ts).
 * `--paging-ack` sets how long a page waits for its acknowledgement before the next level is paged (minutes, from 1; default 5).
 * `--console` serves a built renderer at `/` (default: out/renderer when it exists).
 * `--public-url` (or DUTYDESK_PUBLIC_URL) is where people reach the service: Telegram messages link to the portal there.
 * `--telegram-token` (better: DUTYDESK_TELEGRAM_TOKEN, which `ps` does not show) turns on the Telegram status channel
 * (docs/telegram.md); `--telegram-api-root` (DUTYDESK_TELEGRAM_API_ROOT) points it at another Bot API server.
 * Prints exactly `listening on http://HOST:PORT` once ready. DATABASE_URL also selects PostgreSQL.
 * On a database without accounts (and without --demo) it then prints the one-time setup code (server/setup-notice.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CALENDAR_CONFIG, DEFAULT_POLICY } from '../shared/sla/index.ts';
import { openDatabase } from './db/index.ts';
import { clockFrom, parseInstant } from './demo-clock.ts';
import { hasUsers } from './domain/setup-service.ts';
import { loadCalendar } from './store/calendar.ts';
import { seedDemo } from './demo/seed.ts';
import { pagingFromFlag } from './paging-flag.ts';
import { publicUrlFrom, telegramFrom } from './telegram/config.ts';
import { createService } from './service.ts';
import { setupNotice } from './setup-notice.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      clock: { type: 'string' },
      console: { type: 'string' },
      'backup-dir': { type: 'string' },
      'backup-keep': { type: 'string', default: '14' },
      'backup-at': { type: 'string', default: '03:00' },
      'paging-ack': { type: 'string' },
      'public-url': { type: 'string' },
      'telegram-token': { type: 'string' },
      'telegram-api-root': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, not ${values.port}`);
  // Its form is checked before the database opens: a refused clock changes nothing.
  if (values.clock !== undefined) parseInstant(values.clock);
  const paging = pagingFromFlag(values['paging-ack']);
  const telegram = telegramFrom({ token: values['telegram-token'], apiRoot: values['telegram-api-root'] }, process.env);
  const publicUrl = publicUrlFrom(values['public-url'], process.env);
  const location = values.db ?? process.env.DATABASE_URL ?? './data/dutydesk.sqlite';
  const db = await openDatabase(location);
  let clock: ReturnType<typeof clockFrom>;
  try {
    clock = clockFrom(values.clock, values.demo || !(await hasUsers(db.kysely)));
  } catch (error) {
    await db.close();
    throw error;
  }
  // The calendar stored in the database (an admin edits it, PUT /api/v1/admin/calendar), for the demo seed and the log.
  const calendar = (await loadCalendar(db.kysely, DEFAULT_CALENDAR_CONFIG)).timeline;
  if (values.demo) {
    const started = Date.now();
    // The demo's history is seeded relative to the service's clock, so a demo clock sees fresh tickets.
    const seeded = await seedDemo(db, clock.now(), { calendar, policy: DEFAULT_POLICY });
    console.error(seeded ? `demo data seeded in ${Date.now() - started} ms (logins: anna, boris, olga, maria, dmytro, ivan, sofia, admin, alpha.user, beta.user, gamma.user; password "demo")` : 'demo data already present');
  }
  const consoleRoot = resolve(values.console ?? join(import.meta.dirname, '../out/renderer'));
  const hasConsole = existsSync(join(consoleRoot, 'index.html'));
  if (values.console !== undefined && !hasConsole) throw new Error(`--console ${values.console}: no index.html there (build it with npm run build)`);
  const backupDir = values['backup-dir'];
  const backup = backupDir === undefined ? {} : { backup: { dir: backupDir, keep: Number(values['backup-keep']), at: values['backup-at'] } };
  const service = await createService({ db, demo: values.demo, now: clock.now, clock: clock.kind, paging, consoleRoot: hasConsole ? consoleRoot : null, ...backup, ...(telegram === undefined ? {} : { telegram }), publicUrl });
  const url = await service.listen(port, values.host);
  console.log(`listening on ${url}`);
  if (service.setupCode !== null) console.log(setupNotice({ url, code: service.setupCode, console: hasConsole, db: values.db ?? process.env.DATABASE_URL ?? null }));
  if (clock.kind === 'demo') console.error(`demo clock: started at ${new Date(clock.now()).toISOString()}, running forward`);
  if (hasConsole) console.error(`browser console: ${url}/`);
  // The Bot API root only: the token stays out of every log.
  if (telegram !== undefined) console.error(`telegram status channel: on, through ${telegram.apiRoot ?? ''}${publicUrl === null ? ' (no --public-url: messages carry no portal link)' : ''}`);
  if (service.backups !== null) console.error(`daily backups to ${backupDir} at ${values['backup-at']} ${service.calendar.zone}; next ${new Date(service.backups.nextAt()).toISOString()}`);
  const stop = async (): Promise<void> => {
    await service.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
