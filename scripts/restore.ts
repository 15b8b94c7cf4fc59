/**
 * `npm run restore -- --from <backup file> --db <sqlite path | postgres url> [--force]`: restores a
 * backup made by `npm run backup` (or the service's daily schedule) into a new or empty database
 * (a missing PostgreSQL database is created). A target that already holds tables is refused
 * (exit code 2) unless --force, which replaces its contents: stop every service using it first.
 */
import { parseArgs } from 'node:util';
import { restoreDatabase, TargetNotEmptyError } from '../server/backup/index.ts';

try {
  const { values } = parseArgs({ options: { from: { type: 'string' }, db: { type: 'string' }, force: { type: 'boolean', default: false } }, strict: true });
  if (values.from === undefined) throw new Error('--from <backup file> is required');
  if (values.db === undefined) throw new Error('--db <sqlite path | postgres url> is required: the database to restore into');
  const started = performance.now();
  const head = await restoreDatabase(values.from, values.db, values.force);
  console.log(`restored ${values.from} into ${values.db.replace(/\/\/[^@/]*@/, '//')} in ${Math.round(performance.now() - started)} ms (events up to seq ${head})`);
} catch (error) {
  const refused = error instanceof TargetNotEmptyError;
  console.error(`restore ${refused ? 'refused' : 'failed'}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = refused ? 2 : 1;
}
