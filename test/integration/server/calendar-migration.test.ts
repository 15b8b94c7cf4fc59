/**
 * Migration 0011 (the editable support calendar) on an existing database: events may be about no
 * ticket (service-wide), held by CHECKs; every row kept; a database that already holds tickets
 * keeps the calendar it ran on (the former default with Ukraine's holidays), a new one has none.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, migrations } from '../../../server/db/migrations.ts';
import { createPgPool } from '../../../server/db/postgres.ts';
import type { Database } from '../../../server/db/schema.ts';
import { openSqlite } from '../../../server/db/sqlite.ts';
import { seedPeople } from '../../../server/demo/people.ts';
import { UKRAINE_HOLIDAYS } from '../../../shared/sla/index.ts';
import { engines, freshDatabase, startTestService } from '../../support/service.ts';

describe.each(engines())('migration 0011 on %s', (engine) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function before0011(): Promise<{ db: Kysely<Database>; location: string }> {
    const fresh = await freshDatabase(engine);
    const db = new Kysely<Database>({
      dialect: engine === 'sqlite' ? new SqliteDialect({ database: openSqlite(fresh.location) }) : new PostgresDialect({ pool: createPgPool(fresh.location) }),
    });
    cleanup.push(fresh.drop, () => db.destroy());
    const list = migrations(engine);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => list }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
    const { error } = await migrator.migrateTo('0008-administration');
    if (error !== undefined) throw error;
    return { db, location: fresh.location };
  }

  async function withTickets(db: Kysely<Database>): Promise<{ ticketId: number; clientId: number }> {
    const people = await seedPeople(db, 'hash', 1000);
    const clientId = people.clients.get('Alpha') ?? 0;
    const { id } = await db
      .insertInto('tickets')
      .values({ kind: 'problem', subject: 's', body: 'b', language: 'ru', client_id: clientId, author_id: people.users.get('alpha.user') ?? 0, status: 'new', tier: 'l1', assignee_id: null, escalated: 0, escalation_justification: null, compensation: null, duplicate_of: null, created_at: 10, updated_at: 10, sla_state: 'running', sla_due_at: 99 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 1; i <= 3; i++) {
      await db.insertInto('events').values({ ...(engine === 'postgres' ? { seq: i } : {}), type: 'ticket.created', at: 10, ticket_id: id, client_id: clientId, audience: 'all', payload: '{}' }).execute();
    }
    return { ticketId: id, clientId };
  }

  const events = (db: Kysely<Database>) => sql.raw('select * from events order by seq').execute(db).then((r) => r.rows);

  it('keeps every event, lets a service-wide event carry no ticket, and holds the two kinds apart', async () => {
    const { db } = await before0011();
    const { ticketId, clientId } = await withTickets(db);
    await db.deleteFrom('events').where('seq', '=', 3).execute();
    const kept = await events(db);
    await migrateToLatest(db, engine);
    expect(await events(db)).toEqual(kept);
    const insert = (row: { ticket_id: number | null; client_id: number | null; audience: 'all' | 'agents' | 'everyone'; type?: 'calendar.changed' | 'ticket.changed' }, seq: number) =>
      db.insertInto('events').values({ ...(engine === 'postgres' ? { seq } : {}), type: row.type ?? 'calendar.changed', at: 11, ticket_id: row.ticket_id, client_id: row.client_id, audience: row.audience, payload: '{}' }).returning('seq').executeTakeFirstOrThrow();
    // The AUTOINCREMENT counter did not go back past the deleted event.
    expect(Number((await insert({ ticket_id: null, client_id: null, audience: 'everyone' }, 4)).seq)).toBe(4);
    await expect(insert({ ticket_id: null, client_id: null, audience: 'all' }, 5)).rejects.toThrow(/check/i);
    await expect(insert({ ticket_id: ticketId, client_id: clientId, audience: 'everyone', type: 'ticket.changed' }, 5)).rejects.toThrow(/check/i);
    await expect(insert({ ticket_id: ticketId, client_id: null, audience: 'agents', type: 'ticket.changed' }, 5)).rejects.toThrow(/check/i);
    await expect(sql`update events set type = ${'calendar.deleted'}`.execute(db)).rejects.toThrow(/check/i);
    // Foreign keys still hold after the rebuild.
    await expect(insert({ ticket_id: 999_999, client_id: clientId, audience: 'all', type: 'ticket.changed' }, 5)).rejects.toThrow(/foreign key/i);
    await insert({ ticket_id: ticketId, client_id: clientId, audience: 'agents', type: 'ticket.changed' }, 5);
  });

  it('writes down the calendar a database with tickets ran on, so no clock moves; a database without tickets starts with no holidays', async () => {
    const { db, location } = await before0011();
    await withTickets(db);
    await migrateToLatest(db, engine);
    const stored = await db.selectFrom('service_settings').selectAll().where('key', '=', 'calendar').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value)).toEqual({ zone: 'Europe/Kyiv', open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5], holidays: UKRAINE_HOLIDAYS, extraWorkdays: [] });
    const t = await startTestService(engine, { location });
    cleanup.push(() => t.close());
    expect((await t.request('GET', '/api/v1/clock')).body.calendar.holidays).toEqual(UKRAINE_HOLIDAYS);

    const empty = await before0011();
    await migrateToLatest(empty.db, engine);
    expect(await empty.db.selectFrom('service_settings').selectAll().execute()).toEqual([]);
  });
});
