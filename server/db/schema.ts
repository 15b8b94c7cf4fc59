/**
 * Kysely's view of the tables (see migrations.ts). Instants are epoch-ms integers; flags are 0/1 on
 * both engines; enum columns carry the model's types, and CHECK constraints hold them in the database.
 */
import type { Generated } from 'kysely';
import type { AuditAction, Language, MessageType, OutageAction, Role, ServiceEventType, Tier, TicketStatus } from '../../shared/model/index.ts';
import type { Layer } from '../../shared/oncall/index.ts';
import type { OlaTier } from '../../shared/ola/index.ts';
import type { PageLevel, PageReason, PageState } from '../../shared/paging/ladder.ts';
import type { FunctionGroup, SlaEventType, SlaState, SlaTargetId, TicketKind } from '../../shared/sla/index.ts';

/** Every table. */
export interface Database {
  clients: ClientsTable;
  users: UsersTable;
  user_tiers: UserTiersTable;
  sessions: SessionsTable;
  tickets: TicketsTable;
  sla_events: SlaEventsTable;
  sla_clocks: SlaClocksTable;
  messages: MessagesTable;
  audit: AuditTable;
  events: EventsTable;
  login_attempts: LoginAttemptsTable;
  oncall_layers: OnCallLayersTable;
  oncall_overrides: OnCallOverridesTable;
  oncall_audit: OnCallAuditTable;
  pages: PagesTable;
  outages: OutagesTable;
  outage_tickets: OutageTicketsTable;
  outage_audit: OutageAuditTable;
  outage_compensations: OutageCompensationsTable;
  service_settings: ServiceSettingsTable;
  admin_audit: AdminAuditTable;
  calendar_history: CalendarHistoryTable;
  telegram_outbox: TelegramOutboxTable;
  canned_replies: CannedRepliesTable;
  ola_targets: OlaTargetsTable;
}

/** pages: after-hours pages of tickets (docs/oncall.md); `paged`/`notified` are JSON arrays of agent ids. */
export interface PagesTable {
  id: Generated<number>;
  ticket_id: number;
  state: PageState;
  level: PageLevel;
  attempt: number;
  paged: string;
  notified: string;
  reason: PageReason;
  next_at: number | null;
  acknowledged_by: number | null;
  acknowledged_at: number | null;
  created_at: number;
  closed_at: number | null;
}

/** clients. */
export interface ClientsTable {
  id: Generated<number>;
  name: string;
  primary_group: FunctionGroup;
  language: Language;
  /** The client's Telegram chat for ticket status (R11): an integer id or @channelusername; null: none. */
  telegram_chat_id: string | null;
}

/** users: agents and customers. */
export interface UsersTable {
  id: Generated<number>;
  login: string;
  name: string;
  kind: 'agent' | 'customer';
  role: Role | null;
  client_id: number | null;
  language: Language;
  password_hash: string;
  created_at: number;
  /** 0 once deactivated: signed out everywhere, never deleted (history keeps the name). */
  active: Generated<0 | 1>;
  /** 1 after a reset: every route but the password change answers 403 password_change_required. */
  must_change_password: Generated<0 | 1>;
  deactivated_at: number | null;
}

/** user_tiers: an agent's tiers. */
export interface UserTiersTable {
  user_id: number;
  tier: Tier;
}

/** sessions: bearer tokens, stored as SHA-256 hashes. */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  user_agent: string | null;
  last_used_at: number | null;
}

/** tickets, with the SLA columns the queue sorts by. */
export interface TicketsTable {
  id: Generated<number>;
  kind: TicketKind;
  subject: string;
  body: string;
  language: Language;
  client_id: number;
  author_id: number;
  status: TicketStatus;
  tier: Tier;
  assignee_id: number | null;
  escalated: 0 | 1;
  escalation_justification: string | null;
  compensation: string | null;
  duplicate_of: number | null;
  created_at: number;
  updated_at: number;
  sla_state: SlaState;
  sla_due_at: number | null;
  /** The warning time and calendar of the clock that sets sla_due_at (null with none). */
  sla_warn_at: number | null;
  sla_calendar: 'business' | 'continuous' | null;
  /**
   * The ticket's arrival in the tier it is in now (its latest tier-moving audit entry), the routing
   * among those entries, and the first answer an agent wrote in the tier after it (docs/ola.md):
   * kept by the ticket service's writers, so a queue row reads them instead of the audit.
   */
  tier_arrived_at: number | null;
  routed_audit_id: number | null;
  first_answer_at: number | null;
}

/** sla_events: each ticket's history as the SLA engine reads it. */
export interface SlaEventsTable {
  id: Generated<number>;
  ticket_id: number;
  type: SlaEventType;
  at: number;
}

/** sla_clocks: each clock the engine derived, with the scheduler's claims. */
export interface SlaClocksTable {
  ticket_id: number;
  idx: number;
  target: SlaTargetId;
  started_at: number;
  due_at: number;
  warn_at: number;
  stopped_at: number | null;
  warned_at: number | null;
  breached_at: number | null;
}

/** messages. */
export interface MessagesTable {
  id: Generated<number>;
  ticket_id: number;
  type: MessageType;
  author_id: number | null;
  body: string;
  created_at: number;
  merged_from: number | null;
  /** A system message's notice (JSON, shared/tickets/notices.ts); null for people's messages and older ones. */
  notice: string | null;
}

/** audit: append-only. */
export interface AuditTable {
  id: Generated<number>;
  ticket_id: number;
  actor_id: number | null;
  action: AuditAction;
  from_tier: Tier | null;
  to_tier: Tier | null;
  detail: string | null;
  at: number;
}

/** events: the WebSocket stream, in global sequence. */
export interface EventsTable {
  seq: Generated<number>;
  type: ServiceEventType;
  at: number;
  /** null for a service-wide event (calendar.changed), which is about no ticket. */
  ticket_id: number | null;
  client_id: number | null;
  /** 'all': the ticket's client may see it too; 'agents': agents only; 'everyone': every signed-in user (service-wide). */
  audience: 'all' | 'agents' | 'everyone';
  payload: string;
}

/** login_attempts: sign-in attempts within the throttle window: being checked, or failed; a success clears the login's rows. */
export interface LoginAttemptsTable {
  id: Generated<number>;
  /** The login as typed, lower-cased. */
  login: string;
  at: number;
  /** 0 while its password is being checked, 1 once it proved wrong. */
  failed: 0 | 1;
}

/** oncall_layers: each roster layer's weekly rotation (both rows always exist). */
export interface OnCallLayersTable {
  id: Generated<number>;
  layer: Layer;
  /** JSON array of agent ids, in rotation order. */
  agents: string;
  /** Local date 'YYYY-MM-DD' in the support zone. */
  start_date: string;
  /** JSON array of {weekday, time}. */
  handovers: string;
  rotate_weekday: number;
  rotate_time: string;
  updated_at: number;
  updated_by: number | null;
}

/** oncall_overrides: agent_id covers layer over [starts_at, ends_at); no two of one layer overlap. */
export interface OnCallOverridesTable {
  id: Generated<number>;
  layer: Layer;
  agent_id: number;
  starts_at: number;
  ends_at: number;
  reason: string | null;
  created_at: number;
  created_by: number | null;
}

/** What an on-call audit row records. */
export type OnCallAuditAction = 'schedule_set' | 'override_added' | 'override_removed';

/** oncall_audit: append-only; who changed the roster, how, when. */
export interface OnCallAuditTable {
  id: Generated<number>;
  actor_id: number | null;
  action: OnCallAuditAction;
  /** JSON: the new schedule, or the override added or removed. */
  detail: string;
  at: number;
}

/** outages (docs/availability.md): `groups` is a JSON array of function groups; started_at follows the earliest linked ticket (R19). */
export interface OutagesTable {
  id: Generated<number>;
  groups: string;
  summary: string;
  declared_from: number;
  declared_by: number;
  declared_at: number;
  started_at: number;
  restored_at: number | null;
  restored_by: number | null;
  excluded: 0 | 1;
  exclusion_reason: string | null;
  /** The scheduler's claims: outage.warning and outage.overlong, once each. */
  warned_at: number | null;
  overlong_at: number | null;
}

/** outage_tickets: the tickets of each outage; the key on ticket_id keeps a ticket in one outage. */
export interface OutageTicketsTable {
  ticket_id: number;
  outage_id: number;
  linked_at: number;
  linked_by: number | null;
}

/** outage_audit: append-only; an outage's timeline. */
export interface OutageAuditTable {
  id: Generated<number>;
  outage_id: number;
  actor_id: number | null;
  action: OutageAction;
  detail: string | null;
  at: number;
}

/** outage_compensations: managers' compensation decisions recorded against an outage (R6c). */
export interface OutageCompensationsTable {
  id: Generated<number>;
  outage_id: number;
  decision: string;
  decided_by: number;
  at: number;
}

/** service_settings: the service's own settings by key ('setup', 'organization', 'calendar', ...), values JSON. */
export interface ServiceSettingsTable {
  key: string;
  value: string;
  updated_at: number;
  updated_by: number | null;
}

/** admin_audit: append-only; every administrative change, who made it and when (never a password). */
export interface AdminAuditTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  target_kind: string;
  target_id: number | null;
  /** JSON. */
  detail: string;
  at: number;
}

/**
 * calendar_history: every support calendar that was replaced, and until when it was in force; the
 * one in force now is service_settings['calendar']. Together they are the calendar's timeline
 * (shared/sla/timeline.ts), which the SLA engine counts each clock on.
 */
export interface CalendarHistoryTable {
  id: Generated<number>;
  /** JSON: the CalendarConfig that was in force until `until`. */
  config: string;
  /** When it stopped being in force (the change's instant). */
  until: number;
  replaced_by: number | null;
}

/** What became of a Telegram message. */
export type TelegramOutboxState = 'queued' | 'sent' | 'failed';

/**
 * telegram_outbox: status messages for clients' Telegram chats (R11), queued in the ticket's
 * transaction and sent in id order per chat by one sender at a time (the lease).
 */
export interface TelegramOutboxTable {
  id: Generated<number>;
  client_id: number;
  /** The chat as it was when queued. */
  chat_id: string;
  ticket_id: number | null;
  text: string;
  state: TelegramOutboxState;
  attempts: Generated<number>;
  /** Not sent before this instant (backoff, or a 429's retry_after). */
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  /** When it last entered the queue; still unsent a day later, it fails. */
  queued_at: number;
  sent_at: number | null;
  failed_at: number | null;
  /** The sender (an instance) sending it now, and until when its claim holds. */
  lease_owner: string | null;
  lease_until: number | null;
}

/**
 * canned_replies: reply texts with placeholders (shared/canned/placeholders.ts) that agents insert
 * into a reply; per language, and per team (a tier) or for every team (tier null).
 */
export interface CannedRepliesTable {
  id: Generated<number>;
  title: string;
  body: string;
  language: Language;
  /** The team it is for; null: every team. */
  tier: Tier | null;
  /** Null for the service itself (the demo). */
  created_by: number | null;
  created_at: number;
  updated_by: number | null;
  updated_at: number;
}

/** ola_targets: each tier's internal target in working minutes (docs/ola.md); a tier without a row has none. */
export interface OlaTargetsTable {
  tier: OlaTier;
  minutes: number;
  /** Null for the service itself (the demo). */
  updated_by: number | null;
  updated_at: number;
}
