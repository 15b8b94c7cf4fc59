/**
 * `npm run backup -- [--db <sqlite path | postgres url>] --out <dir>`: one consistent online
 * backup while the service runs (SQLite's backup API; pg_dump -Fc for PostgreSQL), written to
 * <dir>/dutydesk-<UTC time>.sqlite|.dump. Prints the file, its size, the time taken and the last
 * event seq it holds. DATABASE_URL selects PostgreSQL when --db is not given.
 */
import { parseArgs } from 'node:util';
import { backupDatabase } from '../server/backup/index.ts';

try {
  const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const location = values.db ?? process.env.DATABASE_URL ?? './data/dutydesk.sqlite';
  if (values.out === undefined) throw new Error('--out <dir> is required: the folder the backup goes to');
  const r = await backupDatabase(location, values.out);
  console.log(`backup written: ${r.file} (${r.bytes} bytes in ${r.ms} ms, events up to seq ${r.headSeq})`);
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
