/** Migration 0003: enum columns held by CHECK constraints, added to existing databases without losing a row. */
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, migrations } from '../../../server/db/migrations.ts';
import { createPgPool } from '../../../server/db/postgres.ts';
import type { Database } from '../../../server/db/schema.ts';
import { openSqlite } from '../../../server/db/sqlite.ts';
import { seedPeople } from '../../../server/demo/people.ts';
import { engines, freshDatabase } from '../../support/service.ts';

const TABLES = ['clients', 'users', 'user_tiers', 'sessions', 'tickets', 'sla_events', 'sla_clocks', 'messages', 'audit', 'events'] as const;

describe.each(engines())('enum CHECK constraints on %s', (engine) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function atFirstMigration(): Promise<Kysely<Database>> {
    const fresh = await freshDatabase(engine);
    const db = new Kysely<Database>({
      dialect: engine === 'sqlite' ? new SqliteDialect({ database: openSqlite(fresh.location) }) : new PostgresDialect({ pool: createPgPool(fresh.location) }),
    });
    cleanup.push(fresh.drop, () => db.destroy());
    const list = migrations(engine);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => list }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
    const { error } = await migrator.migrateTo('0001-initial');
    if (error !== undefined) throw error;
    return db;
  }

  async function dump(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) out[table] = (await sql.raw(`select * from ${table} order by 1, 2`).execute(db)).rows;
    return out;
  }

  async function fill(db: Kysely<Database>): Promise<void> {
    const people = await seedPeople(db, 'hash', 1000);
    const author = people.users.get('alpha.user') ?? 0;
    const anna = people.users.get('anna') ?? 0;
    const clientId = people.clients.get('Alpha') ?? 0;
    await db.insertInto('sessions').values({ token_hash: 'h', user_id: anna, created_at: 1, expires_at: 2 }).execute();
    for (let i = 0; i < 3; i++) {
      const { id } = await db
        .insertInto('tickets')
        .values({ kind: 'problem', subject: `s${i}`, body: 'b', language: 'ru', client_id: clientId, author_id: author, status: 'in_work', tier: 'l1', assignee_id: anna, escalated: 0, escalation_justification: null, compensation: null, duplicate_of: null, created_at: 10, updated_at: 11, sla_state: 'running', sla_due_at: 99 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('sla_events').values({ ticket_id: id, type: 'created', at: 10 }).execute();
      await db.insertInto('sla_clocks').values({ ticket_id: id, idx: 0, target: 'reaction', started_at: 10, due_at: 99, warn_at: 90, stopped_at: null, warned_at: null, breached_at: null }).execute();
      await db.insertInto('messages').values({ ticket_id: id, type: 'customer', author_id: author, body: 'b', created_at: 10, merged_from: null }).execute();
      await db.insertInto('audit').values({ ticket_id: id, actor_id: anna, action: 'taken', from_tier: null, to_tier: 'l1', detail: null, at: 11 }).execute();
      await db.insertInto('events').values({ ...(engine === 'postgres' ? { seq: i + 1 } : {}), type: 'ticket.created', at: 10, ticket_id: id, client_id: clientId, audience: 'all', payload: '{}' }).execute();
    }
  }

  it('keeps every row, foreign key, index and sequence counter of an existing database', async () => {
    const db = await atFirstMigration();
    await fill(db);
    // A deleted last event: its number must never be handed out again.
    const last = await db.deleteFrom('events').where('seq', '=', 3).executeTakeFirst();
    expect(Number(last.numDeletedRows)).toBe(1);
    const before = await dump(db);
    await migrateToLatest(db, engine);
    // Migration 0008 adds columns with their defaults to users and sessions, 0012 a client's Telegram chat, 0015 a message's notice,
    // 0016 the warning time and calendar of the clock that sets a ticket's due time (from its running clock),
    // 0017 the arrival in the tier (the audit entry that moved it there; no routing, no agent's answer since); every other value stays.
    const added: Record<string, Record<string, unknown>> = {
      users: { active: 1, must_change_password: 0, deactivated_at: null },
      sessions: { user_agent: null, last_used_at: null },
      clients: { telegram_chat_id: null },
      messages: { notice: null },
      tickets: { sla_warn_at: 90, sla_calendar: 'business', tier_arrived_at: 11, routed_audit_id: null, first_answer_at: null },
    };
    const expected = Object.fromEntries(Object.entries(before).map(([table, rows]) => [table, rows.map((row) => ({ ...(row as Record<string, unknown>), ...added[table] }))]));
    expect(await dump(db)).toEqual(expected);
    const ticketId = (before.tickets?.[0] as { id: number }).id;
    const next = db.insertInto('events').values({ type: 'ticket.changed', at: 12, ticket_id: ticketId, client_id: 1, audience: 'agents', payload: '{}' }).returning('seq');
    if (engine === 'sqlite') expect((await next.executeTakeFirstOrThrow()).seq).toBe(4);
    // PostgreSQL: only writeEvents numbers events (migration 0004), so an insert that does not is refused, never a collision later.
    else await expect(next.execute()).rejects.toThrow(/null value in column "seq"/);
    // Foreign keys still hold after the rebuild.
    await expect(db.insertInto('messages').values({ ticket_id: 999_999, type: 'note', author_id: null, body: 'x', created_at: 1, merged_from: null }).execute()).rejects.toThrow(/foreign key/i);
    if (engine === 'sqlite') {
      const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name not like 'sqlite_%' order by name`.execute(db);
      expect(indexes.rows.map((r) => r.name)).toEqual([
        'admin_audit_actor', 'admin_audit_at', 'audit_ticket', 'canned_replies_scope', 'login_attempts_at', 'login_attempts_login', 'messages_ticket', 'oncall_overrides_span', 'outage_audit_outage', 'outage_tickets_outage', 'outages_open', 'outages_span', 'pages_due', 'pages_one_open', 'sessions_user', 'sla_clocks_pending_breach', 'sla_clocks_pending_warn', 'sla_events_ticket',
        'telegram_outbox_chat_queue', 'telegram_outbox_failed', 'tickets_assignee', 'tickets_client', 'tickets_queue', 'tickets_queue_order', 'tickets_tier', 'tickets_tier_queue_order',
      ]);
    }
  });

  it('refuses a value outside its column’s list, and accepts the listed ones', async () => {
    const db = await atFirstMigration();
    await fill(db);
    await migrateToLatest(db, engine);
    const ticket = await db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    const bad = (column: string, value: string | number) =>
      sql.raw(`update tickets set ${column} = ${typeof value === 'number' ? value : `'${value}'`} where id = ${ticket.id}`).execute(db);
    for (const [column, value] of [['status', 'closed'], ['tier', 'l5'], ['kind', 'complaint'], ['language', 'de'], ['sla_state', 'late'], ['escalated', 2]] as const) {
      await expect(bad(column, value), `${column} = ${value}`).rejects.toThrow(/check/i);
    }
    await expect(sql`update events set type = ${'ticket.deleted'}`.execute(db)).rejects.toThrow(/check/i);
    await expect(sql`update audit set action = ${'deleted'}`.execute(db)).rejects.toThrow(/check/i);
    await expect(sql`update users set role = ${'root'} where role is not null`.execute(db)).rejects.toThrow(/check/i);
    await bad('status', 'awaiting_customer');
    expect((await db.selectFrom('tickets').select('status').where('id', '=', ticket.id).executeTakeFirstOrThrow()).status).toBe('awaiting_customer');
    // Migration 0006 (paging) widened events.type and audit.action, and holds pages to its lists.
    await sql`update events set type = ${'page.triggered'}`.execute(db);
    await sql`update audit set action = ${'page_acknowledged'}`.execute(db);
    const page = { ticket_id: ticket.id, state: 'open', level: 'primary', attempt: 1, paged: '[1]', notified: '[1]', reason: 'escalated', next_at: 1, acknowledged_by: null, acknowledged_at: null, created_at: 1, closed_at: null } as const;
    await db.insertInto('pages').values(page).execute();
    for (const [column, value] of [['state', 'snoozed'], ['level', 'tertiary'], ['reason', 'bored']] as const) {
      await expect(db.insertInto('pages').values({ ...page, state: 'closed', [column]: value }).execute(), `pages.${column} = ${value}`).rejects.toThrow(/check/i);
    }
    // One page of a ticket not closed at a time; closed ones pile up.
    await expect(db.insertInto('pages').values(page).execute()).rejects.toThrow(/unique/i);
    await db.insertInto('pages').values({ ...page, state: 'closed' }).execute();
    // Migration 0007 (outages) widened them again: outage events, ticket links, outage pages.
    await sql`update events set type = ${'outage.overlong'}`.execute(db);
    await sql`update audit set action = ${'outage_linked'}`.execute(db);
    await db.insertInto('pages').values({ ...page, state: 'closed', reason: 'outage' }).execute();
    const agent = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const outage = await db
      .insertInto('outages')
      .values({ groups: '["autodialer"]', summary: 's', declared_from: ticket.id, declared_by: agent.id, declared_at: 1, started_at: 1, restored_at: null, restored_by: null, excluded: 0, exclusion_reason: null, warned_at: null, overlong_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(db.insertInto('outage_audit').values({ outage_id: outage.id, actor_id: null, action: 'forgotten' as never, detail: null, at: 1 }).execute()).rejects.toThrow(/check/i);
    // A restore before the start of downtime, and a ticket in two outages, are refused by the database too.
    await expect(db.updateTable('outages').set({ restored_at: 0 }).where('id', '=', outage.id).execute()).rejects.toThrow(/check/i);
    await db.insertInto('outage_tickets').values({ ticket_id: ticket.id, outage_id: outage.id, linked_at: 1, linked_by: null }).execute();
    await expect(db.insertInto('outage_tickets').values({ ticket_id: ticket.id, outage_id: outage.id, linked_at: 2, linked_by: null }).execute()).rejects.toThrow(/unique|primary|duplicate/i);
    // Nullable enum columns stay nullable.
    await db.updateTable('audit').set({ from_tier: null }).execute();
    // Migration 0012 (Telegram): an outbox message is queued, sent or failed, nothing else.
    const message = { client_id: 1, chat_id: '@alpha_status', ticket_id: ticket.id, text: 't', next_attempt_at: 1, created_at: 1, queued_at: 1 } as const;
    await db.insertInto('telegram_outbox').values({ ...message, state: 'queued' }).execute();
    await expect(db.insertInto('telegram_outbox').values({ ...message, state: 'lost' as never }).execute()).rejects.toThrow(/check/i);
    // Migration 0013 (canned replies): a known language, and a known tier or none.
    const reply = { title: 't', body: 'b', created_by: null, created_at: 1, updated_by: null, updated_at: 1 } as const;
    await db.insertInto('canned_replies').values({ ...reply, language: 'uk', tier: null }).execute();
    await db.insertInto('canned_replies').values({ ...reply, language: 'en', tier: 'l2-analysts' }).execute();
    await expect(db.insertInto('canned_replies').values({ ...reply, language: 'de' as never, tier: null }).execute()).rejects.toThrow(/check/i);
    await expect(db.insertInto('canned_replies').values({ ...reply, language: 'en', tier: 'l5' as never }).execute()).rejects.toThrow(/check/i);
    // Migration 0014 (internal targets): a tier but the escalation desk, and 1 to 43 200 working minutes.
    await db.insertInto('ola_targets').values({ tier: 'l3', minutes: 480, updated_by: null, updated_at: 1 }).execute();
    await expect(db.insertInto('ola_targets').values({ tier: 'escalation' as never, minutes: 60, updated_by: null, updated_at: 1 }).execute()).rejects.toThrow(/check/i);
    await expect(db.insertInto('ola_targets').values({ tier: 'l4', minutes: 0, updated_by: null, updated_at: 1 }).execute()).rejects.toThrow(/check/i);
  });
});
