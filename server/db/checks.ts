/**
 * Table changes SQLite cannot ALTER (CHECK constraints, dropping NOT NULL), for migrations on both
 * engines. PostgreSQL alters the table in place. SQLite rebuilds the table from its own stored
 * definition, edited (SQLite's documented procedure: new table, copy, drop, rename, indexes back,
 * foreign keys checked), in one transaction.
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

/** How a migration reshapes one table: enum CHECKs to add or replace, columns to make nullable, other named CHECKs to add. */
export interface TableChange {
  readonly enums?: EnumChecks;
  readonly dropNotNull?: readonly string[];
  /** Named CHECK constraints: name -> SQL condition (added; a name already there is replaced). */
  readonly checks?: Readonly<Record<string, string>>;
}

/** Adds (or replaces) the CHECK constraints of several tables. SQLite: call with no transaction open. */
export async function setEnumChecks(db: AnyDb, engine: Engine, tables: Readonly<Record<string, EnumChecks>>): Promise<void> {
  await reshapeTables(db, engine, Object.fromEntries(Object.entries(tables).map(([table, enums]) => [table, { enums }])));
}

/**
 * Applies TableChanges to several tables, each table changed once. PostgreSQL alters in place;
 * SQLite rebuilds each table from its stored definition, edited, in one transaction with foreign
 * keys checked at the end. SQLite: call with no transaction open.
 */
export async function reshapeTables(db: AnyDb, engine: Engine, tables: Readonly<Record<string, TableChange>>): Promise<void> {
  if (engine === 'postgres') {
    for (const [table, change] of Object.entries(tables)) {
      for (const column of change.dropNotNull ?? []) await sql.raw(`alter table ${quote(table)} alter column ${quote(column)} drop not null`).execute(db);
      for (const [column, values] of Object.entries(change.enums ?? {})) {
        await sql.raw(`alter table ${quote(table)} drop constraint if exists ${quote(checkName(table, column))}`).execute(db);
        await sql.raw(`alter table ${quote(table)} add ${checkClause(table, column, values)}`).execute(db);
      }
      for (const [name, condition] of Object.entries(change.checks ?? {})) {
        await sql.raw(`alter table ${quote(table)} drop constraint if exists ${quote(name)}`).execute(db);
        await sql.raw(`alter table ${quote(table)} add constraint ${quote(name)} check (${condition})`).execute(db);
      }
    }
    return;
  }
  // Foreign keys stay off while parents are rebuilt (the pragma is a no-op inside a transaction).
  await sql.raw('pragma foreign_keys = off').execute(db);
  try {
    await sql.raw('begin immediate').execute(db);
    try {
      for (const [table, change] of Object.entries(tables)) await rebuildSqliteTable(db, table, (body) => editDefinition(table, body, change));
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

/** The body of a SQLite CREATE TABLE (what is between its outer parentheses), changed as `change` says. */
function editDefinition(table: string, definition: string, change: TableChange): string {
  let body = definition;
  for (const column of change.dropNotNull ?? []) {
    // Kysely writes each column as `"name" type [constraints]`, up to the next comma at depth 0.
    const pattern = new RegExp(`("${column}"\\s+\\w+[^,]*?)\\s+not null`, 'i');
    if (!pattern.test(body)) throw new Error(`${table}.${column}: no NOT NULL to drop in ${definition}`);
    body = body.replace(pattern, '$1');
  }
  for (const [column, values] of Object.entries(change.enums ?? {})) {
    // Our own clauses only ever list plain values, so the first ")" after "in (" ends the list.
    body = body.replace(new RegExp(`,\\s*constraint "${checkName(table, column)}" check \\([^)]*\\)\\)`), '');
    body += `, ${checkClause(table, column, values)}`;
  }
  for (const [name, condition] of Object.entries(change.checks ?? {})) {
    if (body.includes(`constraint ${quote(name)} `)) throw new Error(`${table}: constraint ${name} exists already`);
    body += `, constraint ${quote(name)} check (${condition})`;
  }
  return body;
}

/** SQLite's documented rebuild: a new table from the edited definition, rows copied, old dropped, renamed, indexes and the AUTOINCREMENT counter back. */
async function rebuildSqliteTable(db: AnyDb, table: string, edit: (body: string) => string): Promise<void> {
  const master = await sql<{ type: string; sql: string | null }>`select type, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = master.rows.find((r) => r.type === 'table')?.sql;
  if (create == null) throw new Error(`no table ${table}`);
  const indexes = master.rows.flatMap((r) => (r.type === 'index' && r.sql !== null ? [r.sql] : []));
  const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db).catch(() => ({ rows: [] }));
  const temp = `${table}__rebuilt`;
  const body = edit(create.slice(create.indexOf('(') + 1, create.lastIndexOf(')')));
  await sql.raw(`create table ${quote(temp)} (${body})`).execute(db);
  await sql.raw(`insert into ${quote(temp)} select * from ${quote(table)}`).execute(db);
  await sql.raw(`drop table ${quote(table)}`).execute(db);
  await sql.raw(`alter table ${quote(temp)} rename to ${quote(table)}`).execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
  const seq = sequence.rows[0]?.seq;
  // An AUTOINCREMENT counter never goes back, even past rows that were deleted.
  if (seq !== undefined) await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = ${table}`.execute(db);
}
