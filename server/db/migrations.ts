import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { reshapeTables, setEnumChecks } from './checks.ts';
import type { Engine } from './index.ts';

// Migrations take Kysely<unknown> on purpose: they must not depend on today's schema types.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The queue's rank of a ticket, as migration 0016 indexed it (tickets_queue_order): breached, then
 * running, paused, idle, and closed last. The queue query orders by this very text so the index
 * serves it; a released migration never changes, so a new order is a new index in a new migration.
 */
export const QUEUE_RANK_SQL =
  "case when status not in ('new', 'in_work', 'awaiting_customer') then 4 when sla_state = 'breached' then 0 when sla_state = 'running' then 1 when sla_state = 'paused' then 2 else 3 end";

/** The versioned migrations, oldest first; the same list for both engines. Never edit a released one: add a new one. */
export function migrations(engine: Engine): Record<string, Migration> {
  const withId = <T extends string>(table: CreateTableBuilder<T, never>, name = 'id'): CreateTableBuilder<T, never> =>
    engine === 'sqlite'
      ? table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement())
      : table.addColumn(name, 'serial', (c) => c.primaryKey());
  const notNull = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder => c.notNull();

  return {
    '0001-initial': {
      async up(db: AnyDb) {
        await withId(db.schema.createTable('clients'))
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('primary_group', 'text', notNull)
          .addColumn('language', 'text', notNull)
          .execute();
        await withId(db.schema.createTable('users'))
          .addColumn('login', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', notNull)
          .addColumn('kind', 'text', notNull)
          .addColumn('role', 'text')
          .addColumn('client_id', 'integer', (c) => c.references('clients.id'))
          .addColumn('language', 'text', notNull)
          .addColumn('password_hash', 'text', notNull)
          .addColumn('created_at', 'bigint', notNull)
          .execute();
        await db.schema
          .createTable('user_tiers')
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('tier', 'text', notNull)
          .addPrimaryKeyConstraint('user_tiers_pk', ['user_id', 'tier'])
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('created_at', 'bigint', notNull)
          .addColumn('expires_at', 'bigint', notNull)
          .execute();
        await withId(db.schema.createTable('tickets'))
          .addColumn('kind', 'text', notNull)
          .addColumn('subject', 'text', notNull)
          .addColumn('body', 'text', notNull)
          .addColumn('language', 'text', notNull)
          .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
          .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('status', 'text', notNull)
          .addColumn('tier', 'text', notNull)
          .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
          .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('escalation_justification', 'text')
          .addColumn('compensation', 'text')
          .addColumn('duplicate_of', 'integer', (c) => c.references('tickets.id'))
          .addColumn('created_at', 'bigint', notNull)
          .addColumn('updated_at', 'bigint', notNull)
          .addColumn('sla_state', 'text', notNull)
          .addColumn('sla_due_at', 'bigint')
          .execute();
        await db.schema.createIndex('tickets_queue').on('tickets').columns(['status', 'sla_state', 'sla_due_at']).execute();
        await db.schema.createIndex('tickets_client').on('tickets').columns(['client_id']).execute();
        await db.schema.createIndex('tickets_tier').on('tickets').columns(['tier', 'status']).execute();
        await db.schema.createIndex('tickets_assignee').on('tickets').columns(['assignee_id', 'status']).execute();
        await withId(db.schema.createTable('sla_events'))
          .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('type', 'text', notNull)
          .addColumn('at', 'bigint', notNull)
          .execute();
        await db.schema.createIndex('sla_events_ticket').on('sla_events').columns(['ticket_id', 'id']).execute();
        await db.schema
          .createTable('sla_clocks')
          .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('idx', 'integer', notNull)
          .addColumn('target', 'text', notNull)
          .addColumn('started_at', 'bigint', notNull)
          .addColumn('due_at', 'bigint', notNull)
          .addColumn('warn_at', 'bigint', notNull)
          .addColumn('stopped_at', 'bigint')
          .addColumn('warned_at', 'bigint')
          .addColumn('breached_at', 'bigint')
          .addPrimaryKeyConstraint('sla_clocks_pk', ['ticket_id', 'idx'])
          .execute();
        await db.schema.createIndex('sla_clocks_pending_warn').on('sla_clocks').columns(['warn_at']).where(sql.ref('stopped_at'), 'is', null).where(sql.ref('warned_at'), 'is', null).execute();
        await db.schema.createIndex('sla_clocks_pending_breach').on('sla_clocks').columns(['due_at']).where(sql.ref('stopped_at'), 'is', null).where(sql.ref('breached_at'), 'is', null).execute();
        await withId(db.schema.createTable('messages'))
          .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('type', 'text', notNull)
          .addColumn('author_id', 'integer', (c) => c.references('users.id'))
          .addColumn('body', 'text', notNull)
          .addColumn('created_at', 'bigint', notNull)
          .addColumn('merged_from', 'integer', (c) => c.references('tickets.id'))
          .execute();
        await db.schema.createIndex('messages_ticket').on('messages').columns(['ticket_id', 'id']).execute();
        await withId(db.schema.createTable('audit'))
          .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
          .addColumn('action', 'text', notNull)
          .addColumn('from_tier', 'text')
          .addColumn('to_tier', 'text')
          .addColumn('detail', 'text')
          .addColumn('at', 'bigint', notNull)
          .execute();
        await db.schema.createIndex('audit_ticket').on('audit').columns(['ticket_id', 'id']).execute();
        await (engine === 'sqlite'
          ? db.schema.createTable('events').addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
          : db.schema.createTable('events').addColumn('seq', 'bigserial', (c) => c.primaryKey()))
          .addColumn('type', 'text', notNull)
          .addColumn('at', 'bigint', notNull)
          .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
          .addColumn('audience', 'text', notNull)
          .addColumn('payload', 'text', notNull)
          .execute();
      },
    },
    // Sign-in attempts, counted in the database so every instance sees the same count (login-throttle.ts).
    '0002-login-attempts': {
      async up(db: AnyDb) {
        await withId(db.schema.createTable('login_attempts'))
          .addColumn('login', 'text', notNull)
          .addColumn('at', 'bigint', notNull)
          .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('login_attempts_login').on('login_attempts').columns(['login', 'at']).execute();
        await db.schema.createIndex('login_attempts_at').on('login_attempts').columns(['at']).execute();
      },
    },
    '0003-enum-checks': {
      // The values as of this migration; a later change of a list is a new migration calling setEnumChecks.
      async up(db: AnyDb) {
        const languages = ['ru', 'uk', 'en'];
        const tiers = ['l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4', 'escalation'];
        await setEnumChecks(db, engine, {
          clients: { primary_group: ['autodialer', 'inbound'], language: languages },
          users: { kind: ['agent', 'customer'], role: ['agent', 'manager', 'admin'], language: languages },
          user_tiers: { tier: tiers },
          tickets: {
            kind: ['problem', 'bug', 'question', 'suggestion'],
            language: languages,
            status: ['new', 'in_work', 'awaiting_customer', 'resolved', 'merged'],
            tier: tiers,
            escalated: [0, 1],
            sla_state: ['closed', 'breached', 'running', 'paused', 'idle'],
          },
          sla_events: { type: ['created', 'taken', 'question_asked', 'agent_replied', 'customer_replied', 'escalated', 'resolved', 'reopened'] },
          sla_clocks: { target: ['reaction', 'consultation', 'suggestion', 'escalation'] },
          messages: { type: ['customer', 'reply', 'question', 'note', 'system'] },
          audit: {
            action: [
              'created', 'taken', 'taken_over', 'replied', 'asked', 'noted', 'customer_replied', 'routed', 'escalated',
              'resolved', 'reopened', 'merged', 'merged_into_this', 'compensation',
            ],
            from_tier: tiers,
            to_tier: tiers,
          },
          events: {
            type: ['ticket.created', 'ticket.changed', 'ticket.routed', 'ticket.escalated', 'message.added', 'sla.warning', 'sla.breached'],
            audience: ['all', 'agents'],
          },
          login_attempts: { failed: [0, 1] },
        });
      },
    },
    '0004-event-seq-by-writer': {
      // PostgreSQL: writeEvents numbers events itself, under its lock, so a transaction that never
      // commits leaves no gap; a default from the sequence would collide with those numbers.
      async up(db: AnyDb) {
        if (engine === 'postgres') await sql`alter table events alter column seq drop default`.execute(db);
      },
    },
    // The on-call roster: one row per layer (its weekly rotation), one-off overrides, and who changed what.
    '0005-oncall': {
      async up(db: AnyDb) {
        const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
        const layers = ['primary', 'secondary'];
        await withId(db.schema.createTable('oncall_layers'))
          .addColumn('layer', 'text', (c) => c.notNull().unique())
          .addColumn('agents', 'text', notNull)
          .addColumn('start_date', 'text', notNull)
          .addColumn('handovers', 'text', notNull)
          .addColumn('rotate_weekday', 'integer', notNull)
          .addColumn('rotate_time', 'text', notNull)
          .addColumn('updated_at', 'bigint', notNull)
          .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
          .addCheckConstraint('oncall_layers_layer_check', oneOf('layer', layers))
          .execute();
        // Both rows exist from the start (empty rotations), so a change can lock its layer's row.
        const empty = { agents: '[]', start_date: '2026-01-05', handovers: JSON.stringify([{ weekday: 1, time: '09:00' }]), rotate_weekday: 1, rotate_time: '09:00', updated_at: 0, updated_by: null };
        await db.insertInto('oncall_layers').values(layers.map((layer) => ({ layer, ...empty }))).execute();
        await withId(db.schema.createTable('oncall_overrides'))
          .addColumn('layer', 'text', notNull)
          .addColumn('agent_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('starts_at', 'bigint', notNull)
          .addColumn('ends_at', 'bigint', notNull)
          .addColumn('reason', 'text')
          .addColumn('created_at', 'bigint', notNull)
          .addColumn('created_by', 'integer', (c) => c.references('users.id'))
          .addCheckConstraint('oncall_overrides_layer_check', oneOf('layer', layers))
          .addCheckConstraint('oncall_overrides_interval_check', sql`starts_at < ends_at`)
          .execute();
        await db.schema.createIndex('oncall_overrides_span').on('oncall_overrides').columns(['layer', 'ends_at', 'starts_at']).execute();
        await withId(db.schema.createTable('oncall_audit'))
          .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
          .addColumn('action', 'text', notNull)
          .addColumn('detail', 'text', notNull)
          .addColumn('at', 'bigint', notNull)
          .addCheckConstraint('oncall_audit_action_check', oneOf('action', ['schedule_set', 'override_added', 'override_removed']))
          .execute();
      },
    },
    // Paging (docs/oncall.md): one row per page; the scheduler claims due rows by next_at.
    '0006-pages': {
      async up(db: AnyDb) {
        await withId(db.schema.createTable('pages'))
          .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('state', 'text', notNull)
          .addColumn('level', 'text', notNull)
          .addColumn('attempt', 'integer', notNull)
          // JSON arrays of agent ids: whom the current rung pages, and everyone paged so far.
          .addColumn('paged', 'text', notNull)
          .addColumn('notified', 'text', notNull)
          .addColumn('reason', 'text', notNull)
          .addColumn('next_at', 'bigint')
          .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
          .addColumn('acknowledged_at', 'bigint')
          .addColumn('created_at', 'bigint', notNull)
          .addColumn('closed_at', 'bigint')
          .execute();
        // At most one page of a ticket is not closed, whatever races.
        await db.schema.createIndex('pages_one_open').on('pages').column('ticket_id').unique().where(sql.ref('state'), '!=', 'closed').execute();
        await db.schema.createIndex('pages_due').on('pages').columns(['next_at']).where(sql.ref('state'), '!=', 'closed').execute();
        const tiers = ['l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4', 'escalation'];
        await setEnumChecks(db, engine, {
          pages: { state: ['open', 'acknowledged', 'closed'], level: ['primary', 'secondary', 'managers'], reason: ['escalated', 'customer_message', 'sla_warning'] },
          // 0003's lists plus the paging values.
          audit: {
            action: [
              'created', 'taken', 'taken_over', 'replied', 'asked', 'noted', 'customer_replied', 'routed', 'escalated',
              'resolved', 'reopened', 'merged', 'merged_into_this', 'compensation', 'paged', 'page_escalated', 'page_acknowledged',
            ],
            from_tier: tiers,
            to_tier: tiers,
          },
          events: {
            type: [
              'ticket.created', 'ticket.changed', 'ticket.routed', 'ticket.escalated', 'message.added', 'sla.warning', 'sla.breached',
              'page.triggered', 'page.acknowledged', 'page.escalated', 'page.closed',
            ],
            audience: ['all', 'agents'],
          },
        });
      },
    },
    // Outages (docs/availability.md): one row per outage, its tickets (a ticket in at most one),
    // its timeline and its compensation decisions; the scheduler claims warned_at / overlong_at.
    '0007-outages': {
      async up(db: AnyDb) {
        const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
        await withId(db.schema.createTable('outages'))
          // JSON array of function groups, e.g. ["autodialer","inbound"].
          .addColumn('groups', 'text', notNull)
          .addColumn('summary', 'text', notNull)
          .addColumn('declared_from', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('declared_by', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('declared_at', 'bigint', notNull)
          .addColumn('started_at', 'bigint', notNull)
          .addColumn('restored_at', 'bigint')
          .addColumn('restored_by', 'integer', (c) => c.references('users.id'))
          .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('exclusion_reason', 'text')
          .addColumn('warned_at', 'bigint')
          .addColumn('overlong_at', 'bigint')
          .addCheckConstraint('outages_excluded_check', sql`excluded in (0, 1)`)
          .addCheckConstraint('outages_restore_check', sql`restored_at is null or restored_at >= started_at`)
          .execute();
        await db.schema.createIndex('outages_open').on('outages').columns(['started_at']).where(sql.ref('restored_at'), 'is', null).execute();
        await db.schema.createIndex('outages_span').on('outages').columns(['started_at', 'restored_at']).execute();
        await db.schema
          .createTable('outage_tickets')
          // The primary key is the rule: a ticket belongs to at most one outage.
          .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id'))
          .addColumn('outage_id', 'integer', (c) => c.notNull().references('outages.id'))
          .addColumn('linked_at', 'bigint', notNull)
          .addColumn('linked_by', 'integer', (c) => c.references('users.id'))
          .execute();
        await db.schema.createIndex('outage_tickets_outage').on('outage_tickets').columns(['outage_id', 'ticket_id']).execute();
        await withId(db.schema.createTable('outage_audit'))
          .addColumn('outage_id', 'integer', (c) => c.notNull().references('outages.id'))
          .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
          .addColumn('action', 'text', notNull)
          .addColumn('detail', 'text')
          .addColumn('at', 'bigint', notNull)
          .addCheckConstraint('outage_audit_action_check', oneOf('action', ['declared', 'linked', 'unlinked', 'restored', 'excluded', 'compensation', 'warning', 'overlong']))
          .execute();
        await db.schema.createIndex('outage_audit_outage').on('outage_audit').columns(['outage_id', 'id']).execute();
        await withId(db.schema.createTable('outage_compensations'))
          .addColumn('outage_id', 'integer', (c) => c.notNull().references('outages.id'))
          .addColumn('decision', 'text', notNull)
          .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('at', 'bigint', notNull)
          .execute();
        const tiers = ['l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4', 'escalation'];
        // 0006's lists plus the outage values.
        await setEnumChecks(db, engine, {
          pages: { state: ['open', 'acknowledged', 'closed'], level: ['primary', 'secondary', 'managers'], reason: ['escalated', 'customer_message', 'sla_warning', 'outage'] },
          audit: {
            action: [
              'created', 'taken', 'taken_over', 'replied', 'asked', 'noted', 'customer_replied', 'routed', 'escalated',
              'resolved', 'reopened', 'merged', 'merged_into_this', 'compensation', 'paged', 'page_escalated', 'page_acknowledged',
              'outage_linked', 'outage_unlinked',
            ],
            from_tier: tiers,
            to_tier: tiers,
          },
          events: {
            type: [
              'ticket.created', 'ticket.changed', 'ticket.routed', 'ticket.escalated', 'message.added', 'sla.warning', 'sla.breached',
              'page.triggered', 'page.acknowledged', 'page.escalated', 'page.closed',
              'outage.declared', 'outage.changed', 'outage.warning', 'outage.overlong', 'outage.restored',
            ],
            audience: ['all', 'agents'],
          },
        });
      },
    },
    // Administration (docs/administration.md): active and temporary-password flags on users,
    // what a session list shows, the service's own settings (setup, organisation, calendar) and
    // the administrative audit log.
    '0008-administration': {
      async up(db: AnyDb) {
        await db.schema.alterTable('users').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
        await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable('users').addColumn('deactivated_at', 'bigint').execute();
        await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
        await db.schema.alterTable('sessions').addColumn('last_used_at', 'bigint').execute();
        await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id', 'expires_at']).execute();
        await db.schema
          .createTable('service_settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          // JSON.
          .addColumn('value', 'text', notNull)
          .addColumn('updated_at', 'bigint', notNull)
          .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
          .execute();
        await withId(db.schema.createTable('admin_audit'))
          .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
          .addColumn('action', 'text', notNull)
          // What was changed: 'agent', 'customer', 'client', 'calendar', 'setup', 'session'...
          .addColumn('target_kind', 'text', notNull)
          .addColumn('target_id', 'integer')
          // JSON: what changed (never a password or its hash).
          .addColumn('detail', 'text', notNull)
          .addColumn('at', 'bigint', notNull)
          .execute();
        await db.schema.createIndex('admin_audit_at').on('admin_audit').columns(['at', 'id']).execute();
        await db.schema.createIndex('admin_audit_actor').on('admin_audit').columns(['actor_id', 'at']).execute();
      },
    },
    // The editable support calendar (R7, docs/sla.md): the calendars replaced so far, and
    // service-wide events (calendar.changed), which are about no ticket and go to everyone.
    '0011-calendar': {
      async up(db: AnyDb) {
        await withId(db.schema.createTable('calendar_history'))
          // JSON: the CalendarConfig in force until `until`.
          .addColumn('config', 'text', notNull)
          .addColumn('until', 'bigint', notNull)
          .addColumn('replaced_by', 'integer', (c) => c.references('users.id'))
          .execute();
        await reshapeTables(db, engine, {
          events: {
            dropNotNull: ['ticket_id', 'client_id'],
            // 0007's lists plus the service-wide event and its audience.
            enums: {
              type: [
                'ticket.created', 'ticket.changed', 'ticket.routed', 'ticket.escalated', 'message.added', 'sla.warning', 'sla.breached',
                'page.triggered', 'page.acknowledged', 'page.escalated', 'page.closed',
                'outage.declared', 'outage.changed', 'outage.warning', 'outage.overlong', 'outage.restored',
                'calendar.changed',
              ],
              audience: ['all', 'agents', 'everyone'],
            },
            // An event is about a ticket (of a client) exactly when it is not for everyone.
            checks: { events_scope_check: "(audience = 'everyone') = (ticket_id is null) and (ticket_id is null) = (client_id is null)" },
          },
        });
        // Until now the default calendar held Ukraine's public holidays of 2026-2027; the default
        // no longer assumes them. A database that already holds tickets keeps the calendar it ran
        // on, written down as its setting (which an admin now sees and edits), so no clock moves.
        const existing = await db.selectFrom('tickets').select('id').limit(1).execute();
        const stored = await db.selectFrom('service_settings').select('key').where('key', '=', 'calendar').execute();
        if (existing.length > 0 && stored.length === 0) {
          const holidays = [
            '2026-01-01', '2026-03-08', '2026-04-13', '2026-05-01', '2026-05-08', '2026-06-01', '2026-06-28', '2026-07-15', '2026-08-24', '2026-10-01', '2026-12-25',
            '2027-01-01', '2027-03-08', '2027-05-01', '2027-05-03', '2027-05-08', '2027-06-21', '2027-06-28', '2027-07-15', '2027-08-24', '2027-10-01', '2027-12-25',
          ];
          const config = { zone: 'Europe/Kyiv', open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5], holidays, extraWorkdays: [] };
          await db.insertInto('service_settings').values({ key: 'calendar', value: JSON.stringify(config), updated_at: Date.now(), updated_by: null }).execute();
        }
      },
    },
    // The Telegram status channel (R11, docs/telegram.md): each client's chat, and the outbox of
    // messages queued in the ticket's transaction and sent, in order per chat, by the sender.
    '0012-telegram': {
      async up(db: AnyDb) {
        await db.schema.alterTable('clients').addColumn('telegram_chat_id', 'text').execute();
        await withId(db.schema.createTable('telegram_outbox'))
          .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
          // Copied at enqueue: a later change of the client's chat does not re-target what is queued.
          .addColumn('chat_id', 'text', notNull)
          .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
          .addColumn('text', 'text', notNull)
          .addColumn('state', 'text', notNull)
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'bigint', notNull)
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'bigint', notNull)
          // When it last entered the queue (enqueued, or requeued by an admin): it fails a day after.
          .addColumn('queued_at', 'bigint', notNull)
          .addColumn('sent_at', 'bigint')
          .addColumn('failed_at', 'bigint')
          // The claim of one sender (an instance) while it sends: who, and until when.
          .addColumn('lease_owner', 'text')
          .addColumn('lease_until', 'bigint')
          .addCheckConstraint('telegram_outbox_state_check', sql`state in ('queued', 'sent', 'failed')`)
          .addCheckConstraint('telegram_outbox_attempts_check', sql`attempts >= 0`)
          .execute();
        // A chat's next message: the queued row with the smallest id of that chat.
        await db.schema.createIndex('telegram_outbox_chat_queue').on('telegram_outbox').columns(['chat_id', 'id']).where(sql.ref('state'), '=', 'queued').execute();
        await db.schema.createIndex('telegram_outbox_failed').on('telegram_outbox').columns(['failed_at']).where(sql.ref('state'), '=', 'failed').execute();
      },
    },
    // Canned replies (docs/canned-replies.md): texts with placeholders, per team (a tier, or null
    // for every team) and language, that agents insert into a reply; admins and managers edit them.
    '0013-canned-replies': {
      async up(db: AnyDb) {
        await withId(db.schema.createTable('canned_replies'))
          .addColumn('title', 'text', notNull)
          .addColumn('body', 'text', notNull)
          .addColumn('language', 'text', notNull)
          .addColumn('tier', 'text')
          .addColumn('created_by', 'integer', (c) => c.references('users.id'))
          .addColumn('created_at', 'bigint', notNull)
          .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
          .addColumn('updated_at', 'bigint', notNull)
          .addCheckConstraint('canned_replies_language_check', sql`language in ('ru', 'uk', 'en')`)
          .addCheckConstraint('canned_replies_tier_check', sql`tier is null or tier in ('l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4', 'escalation')`)
          .execute();
        await db.schema.createIndex('canned_replies_scope').on('canned_replies').columns(['language', 'tier']).execute();
      },
    },
    // Internal per-tier targets (docs/ola.md): a tier's target in working minutes; no row, no target.
    // The escalation desk has none: its clock is the SLA's (R12).
    '0014-ola-targets': {
      async up(db: AnyDb) {
        await db.schema
          .createTable('ola_targets')
          .addColumn('tier', 'text', (c) => c.primaryKey())
          .addColumn('minutes', 'integer', notNull)
          .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
          .addColumn('updated_at', 'bigint', notNull)
          .addCheckConstraint('ola_targets_tier_check', sql`tier in ('l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4')`)
          .addCheckConstraint('ola_targets_minutes_check', sql`minutes between 1 and 43200`)
          .execute();
      },
    },
    // What a system message says, as a code with values (shared/tickets/notices.ts), so each reader
    // sees it in their own language; older system messages keep only their English body.
    '0015-message-notices': {
      async up(db: AnyDb) {
        await db.schema.alterTable('messages').addColumn('notice', 'text').execute();
      },
    },
    // A queue row is answered from stored columns (docs/api.md, "Rows and events"): the warning time
    // and calendar of the clock that sets the due time, kept beside sla_state and sla_due_at; and an
    // index in the queue's order, so the first page of a long view is read, not sorted.
    '0016-queue-rows': {
      async up(db: AnyDb) {
        await db.schema.alterTable('tickets').addColumn('sla_warn_at', 'bigint').execute();
        await db.schema.alterTable('tickets').addColumn('sla_calendar', 'text').execute();
        // The clock that sets the due time: the running one due then (the first, as the engine takes it).
        // The continuous targets as of this migration: suggestion and escalation.
        const nearest = sql`from sla_clocks c where c.ticket_id = tickets.id and c.stopped_at is null and c.due_at = tickets.sla_due_at order by c.idx limit 1`;
        await sql`update tickets set
          sla_warn_at = (select c.warn_at ${nearest}),
          sla_calendar = (select case when c.target in ('suggestion', 'escalation') then 'continuous' else 'business' end ${nearest})
          where sla_due_at is not null`.execute(db);
        await sql`create index tickets_queue_order on tickets ((${sql.raw(QUEUE_RANK_SQL)}), (coalesce(sla_due_at, 0)), updated_at desc, id desc)`.execute(db);
        // New internal targets are an event too (agents only), so consoles read their rows again.
        await setEnumChecks(db, engine, {
          events: {
            type: [
              'ticket.created', 'ticket.changed', 'ticket.routed', 'ticket.escalated', 'message.added', 'sla.warning', 'sla.breached',
              'page.triggered', 'page.acknowledged', 'page.escalated', 'page.closed',
              'outage.declared', 'outage.changed', 'outage.warning', 'outage.overlong', 'outage.restored',
              'calendar.changed', 'ola.changed',
            ],
          },
        });
        // A tier's view (most agents' default) in the same order.
        await sql`create index tickets_tier_queue_order on tickets (tier, (${sql.raw(QUEUE_RANK_SQL)}), (coalesce(sla_due_at, 0)), updated_at desc, id desc)`.execute(db);
      },
    },
    // A queue row's routing and internal clock from stored columns instead of the audit and the
    // messages (docs/api.md, "Rows and events"): the arrival in the current tier, the routing that
    // brought the ticket there, and the tier's first answer.
    '0017-tier-arrivals': {
      async up(db: AnyDb) {
        await db.schema.alterTable('tickets').addColumn('tier_arrived_at', 'bigint').execute();
        await db.schema.alterTable('tickets').addColumn('routed_audit_id', 'integer').execute();
        await db.schema.alterTable('tickets').addColumn('first_answer_at', 'bigint').execute();
        for (const statement of TIER_ARRIVALS_SQL) await sql.raw(statement).execute(db);
      },
    },
    // Renaming an agent or a client is an event (names.changed), so consoles read their rows again.
    '0018-names-changed': {
      async up(db: AnyDb) {
        await setEnumChecks(db, engine, {
          events: {
            type: [
              'ticket.created', 'ticket.changed', 'ticket.routed', 'ticket.escalated', 'message.added', 'sla.warning', 'sla.breached',
              'page.triggered', 'page.acknowledged', 'page.escalated', 'page.closed',
              'outage.declared', 'outage.changed', 'outage.warning', 'outage.overlong', 'outage.restored',
              'calendar.changed', 'ola.changed', 'names.changed',
            ],
          },
        });
      },
    },
  };
}

/**
 * Fills the arrival columns of migration 0017 from each ticket's history: the latest audit entry that
 * moved it to a tier, that entry when it is a routing, and the earliest reply, question or note an
 * agent wrote strictly after it (not a copy merged in from a duplicate). The ticket service keeps the
 * same columns as it writes (server/domain/ticket-service.ts); the scale bench's seeder runs these
 * after its bulk inserts. Plain SQL, the same on both engines.
 */
export const TIER_ARRIVALS_SQL: readonly string[] = [
  `update tickets set
    tier_arrived_at = (select a.at from audit a where a.id = (select max(l.id) from audit l where l.ticket_id = tickets.id and l.to_tier is not null)),
    routed_audit_id = (select a.id from audit a where a.id = (select max(l.id) from audit l where l.ticket_id = tickets.id and l.to_tier is not null) and a.action = 'routed')`,
  `update tickets set first_answer_at = (
      select min(m.created_at) from messages m
      where m.ticket_id = tickets.id and m.type in ('reply', 'question', 'note') and m.author_id is not null and m.merged_from is null and m.created_at > tickets.tier_arrived_at)
    where tier_arrived_at is not null`,
];

/** Applies every pending migration; throws (and the service does not start) if one fails. */
export async function migrateToLatest(db: AnyDb, engine: Engine): Promise<void> {
  const list = migrations(engine);
  const provider: MigrationProvider = { getMigrations: async () => list };
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
