/**
 * CHECK constraints that hold an enum column to its values, for migrations on both engines.
 * PostgreSQL alters the table in place. SQLite cannot add a constraint to a table, so the table is
 * rebuilt from its own stored definition (SQLite's documented procedure: new table, copy, drop,
 * rename, indexes back, foreign keys checked) in one transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from './index.ts';

// Migrations must not depend on today's schema types.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The values each enum column of a table may hold. */
export type EnumChecks = Readonly<Record<string, readonly (string | number)[]>>;

const literal = (v: string | number): string => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const checkName = (table: string, column: string): string => `${table}_${column}_check`;
const checkClause = (table: string, column: string, values: readonly (string | number)[]): string =>
  `constraint ${quote(checkName(table, column))} check (${quote(column)} in (${values.map(literal).join(', ')}))`;

/** Adds (or replaces) the CHECK constraints of several tables. SQLite: call with no transaction open. */
export async function setEnumChecks(db: AnyDb, engine: Engine, tables: Readonly<Record<string, EnumChecks>>): Promise<void> {
  if (engine === 'postgres') {
    for (const [table, checks] of Object.entries(tables)) {
      for (const [column, values] of Object.entries(checks)) {
        await sql.raw(`alter table ${quote(table)} drop constraint if exists ${quote(checkName(table, column))}`).execute(db);
        await sql.raw(`alter table ${quote(table)} add ${checkClause(table, column, values)}`).execute(db);
      }
    }
    return;
  }
  // Foreign keys stay off while parents are rebuilt (the pragma is a no-op inside a transaction).
  await sql.raw('pragma foreign_keys = off').execute(db);
  try {
    await sql.raw('begin immediate').execute(db);
    try {
      for (const [table, checks] of Object.entries(tables)) await rebuildSqliteTable(db, table, checks);
      const broken = await sql.raw('pragma foreign_key_check').execute(db);
      if (broken.rows.length > 0) throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.rows.slice(0, 3))}`);
      await sql.raw('commit').execute(db);
    } catch (error) {
      await sql.raw('rollback').execute(db);
      throw error;
    }
  } finally {
    await sql.raw('pragma foreign_keys = on').execute(db);
  }
}

async function rebuildSqliteTable(db: AnyDb, table: string, checks: EnumChecks): Promise<void> {
  const master = await sql<{ type: string; sql: string | null }>`select type, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = master.rows.find((r) => r.type === 'table')?.sql;
  if (create == null) throw new Error(`no table ${table}`);
  const indexes = master.rows.flatMap((r) => (r.type === 'index' && r.sql !== null ? [r.sql] : []));
  const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db).catch(() => ({ rows: [] }));
  const temp = `${table}__rebuilt`;
  let body = create.slice(create.indexOf('(') + 1, create.lastIndexOf(')'));
  for (const [column, values] of Object.entries(checks)) {
    // Our own clauses only ever list plain values, so the first ")" after "in (" ends the list.
    body = body.replace(new RegExp(`,\\s*constraint "${checkName(table, column)}" check \\([^)]*\\)\\)`), '');
    body += `, ${checkClause(table, column, values)}`;
  }
  await sql.raw(`create table ${quote(temp)} (${body})`).execute(db);
  await sql.raw(`insert into ${quote(temp)} select * from ${quote(table)}`).execute(db);
  await sql.raw(`drop table ${quote(table)}`).execute(db);
  await sql.raw(`alter table ${quote(temp)} rename to ${quote(table)}`).execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
  const seq = sequence.rows[0]?.seq;
  // An AUTOINCREMENT counter never goes back, even past rows that were deleted.
  if (seq !== undefined) await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = ${table}`.execute(db);
}
