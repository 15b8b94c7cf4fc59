/**
 * PostgreSQL backups with pg_dump (custom format) inside an exported snapshot, so the backup can
 * say exactly which events it holds; restores with pg_restore in one transaction.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The path of a PostgreSQL client tool: the newest /usr/lib/postgresql/<v>/bin, else the PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', name))).sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin', name);
  }
  return name;
}

// A connection lost mid-backup fails the backup (its query rejects); it must not crash the service.
const quiet = (client: pg.Client): pg.Client => client.on('error', () => {});

const tool = async (name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> => {
  try {
    await run(pgTool(name), args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${name} failed: ${stderr !== undefined && stderr !== '' ? stderr : error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

/** Dumps the database at `url` to `target` (temp name, then renamed); returns the head seq the dump holds. */
export async function backupPostgres(url: string, target: string): Promise<number> {
  const client = quiet(new pg.Client({ connectionString: url }));
  await client.connect();
  const partial = `${target}.partial`;
  try {
    // pg_dump reads the snapshot this transaction exported: what we count here is what it dumps.
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]?.id ?? '';
    const head = Number((await client.query<{ head: string | null }>('select max(seq) as head from events')).rows[0]?.head ?? 0);
    await tool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${url}`]);
    await client.query('commit');
    renameSync(partial, target);
    return head;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Connects to `url`, creating the database first when it does not exist. */
async function connectOrCreate(url: string): Promise<pg.Client> {
  const client = quiet(new pg.Client({ connectionString: url }));
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  target.pathname = '/postgres';
  const admin = quiet(new pg.Client({ connectionString: target.toString() }));
  await admin.connect();
  try {
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const created = quiet(new pg.Client({ connectionString: url }));
  await created.connect();
  return created;
}

/** How many tables the database at `url` has in schema public (creating the database when missing). */
export async function postgresTableCount(url: string): Promise<number> {
  const client = await connectOrCreate(url);
  try {
    const r = await client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema = 'public'");
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** Restores a custom-format dump into `url` in one transaction (clean first when `replace`); returns its head seq. */
export async function restorePostgres(from: string, url: string, replace: boolean): Promise<number> {
  await tool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...(replace ? ['--clean', '--if-exists'] : []), `--dbname=${url}`, from]);
  const client = quiet(new pg.Client({ connectionString: url }));
  await client.connect();
  try {
    return Number((await client.query<{ head: string | null }>('select max(seq) as head from events')).rows[0]?.head ?? 0);
  } finally {
    await client.end();
  }
}
