/** Every row of every table of a DutyDesk database, in key order, for comparing a restored backup with its source. */
import { openDatabase } from '../../server/db/index.ts';
import type { Database } from '../../server/db/schema.ts';

type Row = Record<string, unknown>;
/** Table name -> rows in key order. */
export type Contents = Record<keyof Database, Row[]>;

const ORDER: Record<keyof Database, readonly string[]> = {
  clients: ['id'],
  users: ['id'],
  user_tiers: ['user_id', 'tier'],
  sessions: ['token_hash'],
  tickets: ['id'],
  sla_events: ['id'],
  sla_clocks: ['ticket_id', 'idx'],
  messages: ['id'],
  audit: ['id'],
  events: ['seq'],
  login_attempts: ['id'],
  oncall_layers: ['id'],
  oncall_overrides: ['id'],
  oncall_audit: ['id'],
  pages: ['id'],
  outages: ['id'],
  outage_tickets: ['ticket_id'],
  outage_audit: ['id'],
  outage_compensations: ['id'],
  service_settings: ['key'],
  admin_audit: ['id'],
  calendar_history: ['id'],
  telegram_outbox: ['id'],
  canned_replies: ['id'],
  ola_targets: ['tier'],
};

/** Reads every table of the database at `location`; numbers as numbers on both engines. */
export async function readContents(location: string): Promise<Contents> {
  const db = await openDatabase(location);
  try {
    const out = {} as Contents;
    for (const table of Object.keys(ORDER) as (keyof Database)[]) {
      let q = db.kysely.selectFrom(table).selectAll();
      for (const column of ORDER[table]) q = q.orderBy(column as never);
      out[table] = (await q.execute()).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    }
    return out;
  } finally {
    await db.close();
  }
}

/** The rows of `rows` that are not, identically, in `within`. */
export function rowsNotIn(rows: readonly Row[], within: readonly Row[]): Row[] {
  const keys = new Set(within.map((r) => JSON.stringify(r)));
  return rows.filter((r) => !keys.has(JSON.stringify(r)));
}
