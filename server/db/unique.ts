/** Whether an error is a unique (or primary key) violation, on either engine. */

// PostgreSQL SQLSTATE unique_violation; SQLite's extended codes SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE.
const PG_UNIQUE = '23505';
const SQLITE_UNIQUE = new Set([1555, 2067]);

/** True when `error` (or its cause) says a row with that key exists already. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, errcode } = e as { code?: unknown; errcode?: unknown };
    if (code === PG_UNIQUE || (typeof errcode === 'number' && SQLITE_UNIQUE.has(errcode))) return true;
  }
  return false;
}
