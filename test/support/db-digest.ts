/** A digest of every row of every table, to prove that a refused request changed nothing. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../server/db/index.ts';

/** Each table's digest (rows in a stable order), by table name. */
export type DbDigest = ReadonlyMap<string, string>;

/**
 * Bookkeeping columns a read may write, left out of the digest: a session's last use is recorded
 * (at most once a minute) by any authenticated request, refused or not.
 */
const BOOKKEEPING: Readonly<Record<string, readonly string[]>> = { sessions: ['last_used_at'] };

interface Table {
  readonly name: string;
  /** The columns digested: all but the bookkeeping ones. */
  readonly columns: readonly string[];
}

const tableLists = new WeakMap<Db, readonly Table[]>();

/** Every table of the database, as the database itself lists them (a new table is covered without editing this). */
async function tablesOf(db: Db): Promise<readonly Table[]> {
  const known = tableLists.get(db);
  if (known !== undefined) return known;
  const tables = (await db.kysely.introspection.getTables())
    .filter((t) => !t.isView)
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name).filter((c) => !(BOOKKEEPING[t.name] ?? []).includes(c)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  tableLists.set(db, tables);
  return tables;
}

/** Digests every table: on PostgreSQL in one statement (md5 of the ordered row texts), on SQLite by reading the rows. */
export async function digestDatabase(db: Db): Promise<DbDigest> {
  const tables = await tablesOf(db);
  const result = new Map<string, string>();
  if (db.engine === 'postgres') {
    const parts = tables.map(
      ({ name, columns }) =>
        sql`select ${name}::text as name, count(*)::text || ':' || coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '') as digest from (select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(name)}) r`,
    );
    const { rows } = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db.kysely);
    for (const row of rows) result.set(row.name, row.digest);
    return result;
  }
  for (const { name, columns } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(name)}`.execute(db.kysely);
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))).sort();
    result.set(name, `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`);
  }
  return result;
}

const pgMarkers = new WeakMap<Db, Promise<void>>();

/**
 * PostgreSQL's marker: a statement trigger on every table draws from a sequence, and sequences
 * are not transactional, so a write that was rolled back moves it too (test databases only).
 */
function installPgMarker(db: Db): Promise<void> {
  let installed = pgMarkers.get(db);
  if (installed === undefined) {
    installed = (async () => {
      await sql`create sequence if not exists dutydesk_test_changes`.execute(db.kysely);
      await sql`create or replace function dutydesk_test_bump() returns trigger language plpgsql as $$ begin perform nextval('dutydesk_test_changes'); return null; end $$`.execute(db.kysely);
      for (const { name } of await tablesOf(db)) {
        await sql`create or replace trigger dutydesk_test_changes after insert or update or delete or truncate on ${sql.table(name)} for each statement execute function dutydesk_test_bump()`.execute(db.kysely);
      }
    })();
    pgMarkers.set(db, installed);
  }
  return installed;
}

/**
 * A cheap marker that moves whenever a statement writes to the database, even one rolled back:
 * SQLite counts the rows its one connection inserted, updated or deleted (`total_changes()`);
 * PostgreSQL draws from a sequence in a statement trigger on every table (installed on first use).
 * An unmoved marker proves nothing changed; a moved one calls for the digest.
 */
export async function changeMarker(db: Db): Promise<string> {
  if (db.engine === 'sqlite') {
    const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db.kysely);
    return String(rows[0]?.n);
  }
  await installPgMarker(db);
  const { rows } = await sql<{ m: string }>`select last_value::text || ':' || is_called::text as m from dutydesk_test_changes`.execute(db.kysely);
  return rows[0]?.m ?? '';
}

/**
 * The database's digest, computed again only when the change marker moved since the last one:
 * a run of requests that write nothing costs one marker read each.
 */
export function createDigester(db: Db): () => Promise<DbDigest> {
  let last: { marker: string; digest: DbDigest } | undefined;
  return async () => {
    const marker = await changeMarker(db);
    if (last?.marker !== marker) last = { marker, digest: await digestDatabase(db) };
    return last.digest;
  };
}

/** The tables whose digest differs. */
export function changedTables(before: DbDigest, after: DbDigest): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

