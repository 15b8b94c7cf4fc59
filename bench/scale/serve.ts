/**
 * The scale bench's service process: what `npm run serve -- --db <file>` does on an existing
 * database (server/cli.ts: open and migrate, ask whether it has accounts, load the stored calendar,
 * build the service, listen), with the service's clock starting at `--clock-ms` (the instant the
 * seeded histories were played up to) and running forward, so a cached database is as fresh as when
 * it was seeded. Prints `listening on URL` once ready, then one JSON line of its phases (ms).
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/db/index.ts';
import { startAt } from '../../server/demo-clock.ts';
import { hasUsers } from '../../server/domain/setup-service.ts';
import { createService } from '../../server/service.ts';
import { loadCalendar } from '../../server/store/calendar.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../shared/sla/index.ts';

const started = performance.now();
const { values } = parseArgs({ options: { db: { type: 'string' }, 'clock-ms': { type: 'string' } }, strict: true });
if (values.db === undefined || values['clock-ms'] === undefined) throw new Error('usage: serve.ts --db <file> --clock-ms <epoch ms>');
const now = startAt(Number(values['clock-ms']), Date.now);
const imported = performance.now();
const db = await openDatabase(values.db);
const opened = performance.now();
if (!(await hasUsers(db.kysely))) throw new Error('the scale database has no accounts');
await loadCalendar(db.kysely, DEFAULT_CALENDAR_CONFIG);
const checked = performance.now();
const service = await createService({ db, now });
const built = performance.now();
const url = await service.listen(0, '127.0.0.1');
const listening = performance.now();
console.log(`listening on ${url}`);
const ms = (x: number): number => Number(x.toFixed(1));
// performance.now() counts from the process's start: `started` is Node's own start-up and the imports of this file.
console.log(JSON.stringify({ phases: { nodeAndImports: ms(started), openAndMigrate: ms(opened - imported), accountsAndCalendar: ms(checked - opened), createService: ms(built - checked), listen: ms(listening - built) } }));
const stop = async (): Promise<void> => {
  await service.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
