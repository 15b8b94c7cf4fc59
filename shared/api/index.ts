/**
 * The ticket service's public contract (/api/v1): zod schemas of every request and response body
 * and of the WebSocket event envelope. Instants are epoch milliseconds everywhere on the wire.
 * Request objects are strict: unknown fields are rejected with a 400 naming the field.
 */
import { z } from 'zod';
import { FUNCTION_GROUPS, TICKET_KINDS, type SlaStatus } from '../sla/index.ts';
import {
  LANGUAGES,
  MESSAGE_TYPES,
  ROLES,
  TICKET_STATUSES,
  TIERS,
  type AuditEntry,
  type Client,
  type Message,
  type ServiceEvent,
  type ServiceEventData,
  type ServiceWideEventType,
  type Ticket,
  type TicketEventType,
  type TicketDetail,
  type TicketSummary,
  type User,
} from '../model/index.ts';
import { calendarSchema } from './calendar.ts';
import { DECIMAL, idParam, idParamSchema, idSchema } from './ids.ts';
import { outageRefSchema } from './outages.ts';
import { pageRefSchema } from './pages.ts';
import { systemNoticeSchema } from '../tickets/notices.ts';
import { CURSOR_PATTERN } from '../tickets/service-order.ts';
import { olaTargetsSchema } from './ola.ts';

export * from './calendar.ts';
export * from './admin.ts';
export * from './telegram.ts';
export * from './canned.ts';
export * from './ola.ts';
export * from './outages.ts';
export * from './pages.ts';
export * from './setup.ts';

export { MAX_ID, idParamSchema, idSchema } from './ids.ts';
const id = idSchema;
/** Arrays are readonly in the model; so they are in the contract. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const instant = z.number().int().describe('epoch milliseconds');
/** Text people write: trimmed, never blank. */
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Ticket kinds (R3). */
export const ticketKindSchema = z.enum(TICKET_KINDS);
/** Tiers (R5, R6). */
export const tierSchema = z.enum(TIERS);
/** Languages (R10). */
export const languageSchema = z.enum(LANGUAGES);

/** GET /api/v1/clock (R9), with the calendar itself so consoles count time exactly as the service does. */
export const clockResponseSchema = z.object({
  now: instant,
  zone: z.string(),
  offsetMinutes: z.number().int(),
  isWorkingTime: z.boolean(),
  isWorkingDay: z.boolean(),
  nextOpening: instant,
  calendar: calendarSchema,
});

/** A demo account the login screen may offer. */
export const demoLoginSchema = z.object({
  login: z.string(),
  name: z.string(),
  role: z.enum([...ROLES, 'customer']),
  tiers: list(tierSchema),
});

/** GET /api/v1/info: what this service is; demo logins only when it runs with demo data. */
export const infoResponseSchema = z.object({
  name: z.literal('DutyDesk'),
  version: z.string(),
  demo: z.boolean(),
  /** `demo` when the service was started with a demo clock (`--clock`): its time is not the real time. */
  clock: z.enum(['real', 'demo']),
  demoLogins: list(demoLoginSchema),
  /** True while the service has no accounts and waits for its first start (POST /api/v1/setup). */
  setup: z.boolean(),
  /** The organisation given at setup; null before it (and on demo data). */
  organization: z.string().nullable(),
});

/** POST /api/v1/session. */
export const loginRequestSchema = z.strictObject({ login: text(100), password: z.string().min(1, 'must not be empty').max(200) });

/** A client organization. */
export const clientSchema = z.object({
  id,
  name: z.string(),
  primaryGroup: z.enum(FUNCTION_GROUPS),
  language: languageSchema,
}) satisfies z.ZodType<Client>;

/** The signed-in user: an agent or a customer. */
export const userSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), id, login: z.string(), name: z.string(), role: z.enum(ROLES), tiers: list(tierSchema), language: languageSchema }),
  z.object({ kind: z.literal('customer'), id, login: z.string(), name: z.string(), client: clientSchema, language: languageSchema }),
]) satisfies z.ZodType<User>;

const mustChangePassword = z.boolean().describe('true while the user has a temporary password: every route but the password change answers 403 password_change_required');
/** POST /api/v1/session response. */
export const sessionResponseSchema = z.object({ token: z.string(), expiresAt: instant, user: userSchema, mustChangePassword });
/** GET /api/v1/session response: who the token belongs to. */
export const meResponseSchema = z.object({ user: userSchema, expiresAt: instant, mustChangePassword });

const personSchema = z.object({ id, name: z.string() });

const slaClockSchema = z.object({
  target: z.enum(['reaction', 'consultation', 'suggestion', 'escalation']),
  calendar: z.enum(['business', 'continuous']),
  startedAt: instant,
  dueAt: instant,
  warnAt: instant,
  stoppedAt: instant.nullable(),
  breached: z.boolean(),
});

const slaStateSchema = z.enum(['closed', 'breached', 'running', 'paused', 'idle']);
const queueSlaShape = {
  state: slaStateSchema,
  dueAt: instant.nullable(),
  warnAt: instant.nullable().describe('when the clock that sets dueAt warns (at risk from then)'),
  calendar: z.enum(['business', 'continuous']).nullable().describe('what that clock counts: the support calendar, or round the clock'),
};

/** The SLA engine's status of a ticket, evaluated when the response was made. */
export const slaStatusSchema = z.object({
  ...queueSlaShape,
  remainingMs: z.number().int().nullable(),
  ticking: z.boolean(),
  resumesAt: instant.nullable(),
  escalated: z.boolean(),
  clocks: list(slaClockSchema),
}) satisfies z.ZodType<SlaStatus>;

const routedFromSchema = z
  .object({ fromTier: tierSchema, by: personSchema.nullable(), reason: z.string(), at: instant, outOfTurn: z.boolean() })
  .nullable()
  .describe('how the ticket was routed to its tier (agents only; null for customers)');
const queueOlaShape = {
  tier: tierSchema,
  targetMinutes: z.number().int().positive(),
  startedAt: instant,
  dueAt: instant,
  stoppedAt: instant.nullable(),
  state: z.enum(['running', 'met', 'breached']),
};
const olaDescription = "the tier's internal target clock (OLA, docs/ola.md; agents only; null for customers)";

/** A ticket as a queue row and every event about it carry it: stored values only, nothing evaluated at read time. */
export const ticketSummarySchema = z.object({
  id,
  number: id,
  kind: ticketKindSchema,
  subject: z.string(),
  language: languageSchema,
  client: clientSchema,
  status: z.enum(TICKET_STATUSES),
  tier: tierSchema,
  assignee: personSchema.nullable(),
  escalated: z.boolean(),
  duplicateOf: id.nullable(),
  outage: z.object({ id, open: z.boolean() }).nullable().describe('the outage this ticket is linked to, and whether it is still open'),
  createdAt: instant,
  updatedAt: instant,
  sla: z.object(queueSlaShape).describe('the SLA as stored when the ticket last changed; count the countdown from dueAt'),
  routedFrom: routedFromSchema,
  ola: z.object(queueOlaShape).nullable().describe(olaDescription),
}) satisfies z.ZodType<TicketSummary>;

/** A ticket. */
export const ticketSchema = ticketSummarySchema.extend({
  body: z.string(),
  author: personSchema,
  escalationJustification: z.string().nullable(),
  compensation: z.string().nullable(),
  sla: slaStatusSchema,
  ola: z.object({ ...queueOlaShape, remainingMs: z.number().int().nullable(), ticking: z.boolean() }).nullable().describe(olaDescription),
}) satisfies z.ZodType<Ticket>;

/** A message of a ticket. */
export const messageSchema = z.object({
  id,
  ticketId: id,
  type: z.enum(MESSAGE_TYPES),
  author: personSchema.nullable(),
  body: z.string(),
  createdAt: instant,
  mergedFrom: id.nullable(),
  notice: systemNoticeSchema.optional().describe("on a system message the service wrote: what it says, as a code with values, for the reader's language; `body` holds it in English"),
}) satisfies z.ZodType<Message>;

/** An audit entry. */
export const auditEntrySchema = z.object({
  id,
  ticketId: id,
  actor: personSchema.nullable(),
  action: z.enum([
    'created', 'taken', 'taken_over', 'replied', 'asked', 'noted', 'customer_replied', 'routed', 'escalated',
    'resolved', 'reopened', 'merged', 'merged_into_this', 'compensation', 'paged', 'page_escalated', 'page_acknowledged',
    'outage_linked', 'outage_unlinked',
  ]),
  fromTier: tierSchema.nullable(),
  toTier: tierSchema.nullable(),
  detail: z.string().nullable(),
  at: instant,
}) satisfies z.ZodType<AuditEntry>;

/** Views of GET /api/v1/tickets. */
export const TICKET_VIEWS = ['queue', 'mine', 'tier', 'escalated', 'all'] as const;
/** One view of GET /api/v1/tickets. */
export type TicketView = (typeof TICKET_VIEWS)[number];

/** GET /api/v1/tickets query. */
export const ticketListQuerySchema = z.strictObject({
  view: z.enum(TICKET_VIEWS).default('queue'),
  tier: tierSchema.optional().describe('view=tier: this tier instead of all of the caller\'s tiers'),
  q: z.string().trim().max(200).optional().describe('number, or words of the subject or client name'),
  // Decimal digits, on the wire and over the console's IPC alike.
  clientId: idParam('client').optional().describe("only this client's tickets (agents; a customer sees only their own client's anyway)"),
  // A query string carries canonical decimal digits (no 0b..., +, 1e3); the console's IPC passes a number.
  limit: z
    .union([z.number(), z.string().regex(DECIMAL, 'must be a decimal number').transform(Number)])
    .pipe(z.number().int().min(1, 'must be at least 1').max(10_000, 'must be at most 10000'))
    .default(1000),
});
/** GET /api/v1/queue query: a view as GET /api/v1/tickets takes it, a page at a time. */
export const queueQuerySchema = ticketListQuerySchema.extend({
  after: z.string().regex(CURSOR_PATTERN, 'must be a `next` cursor from an earlier page').optional().describe('the previous page\'s `next`: the page after it'),
});
/** GET /api/v1/queue response. */
export const queuePageSchema = z.object({
  tickets: list(ticketSummarySchema),
  next: z.string().nullable().describe('pass as `after` for the next page; null: this page ends the view'),
  head: z.number().int().nonnegative().describe('the event stream\'s last sequence number before the rows were read: rows of later events may be newer'),
});
/** A page of queue rows. */
export type QueuePage = z.infer<typeof queuePageSchema>;

/** GET /api/v1/tickets response. */
export const ticketListResponseSchema = z.object({ tickets: list(ticketSchema) });
/** GET /api/v1/tickets/:id and every command's response. */
export const ticketDetailSchema = z.object({
  ticket: ticketSchema,
  messages: list(messageSchema),
  audit: list(auditEntrySchema),
}) satisfies z.ZodType<TicketDetail>;

/** :id path parameter. */
export const ticketParamsSchema = z.strictObject({ id: idParamSchema });

/** POST /api/v1/tickets (customers). */
export const createTicketRequestSchema = z.strictObject({
  kind: ticketKindSchema,
  subject: text(200),
  body: text(20_000),
  language: languageSchema.optional().describe("default: the customer's language"),
});

/** POST /api/v1/tickets/:id/messages; customers may send `reply` only. */
export const messageRequestSchema = z.strictObject({ type: z.enum(['reply', 'question', 'note']), body: text(20_000) });

/** POST /api/v1/tickets/:id/route; `assigneeId` is for managers. */
export const routeRequestSchema = z.strictObject({ tier: tierSchema, reason: text(2000), assigneeId: id.optional() });

/** The least an escalation justification must be: "a clear written justification" (R12). */
export const MIN_JUSTIFICATION_CHARS = 20;
/** POST /api/v1/tickets/:id/escalate (R12). */
export const escalateRequestSchema = z.strictObject({
  justification: text(4000)
    .refine((s) => s.length >= MIN_JUSTIFICATION_CHARS && s.split(/\s+/).length >= 3, {
      message: `must be at least a sentence (${MIN_JUSTIFICATION_CHARS} characters, 3 words) saying why immediate action is needed`,
    }),
});

/** POST /api/v1/tickets/:id/merge (R15): this ticket is the duplicate. */
export const mergeRequestSchema = z.strictObject({ into: id });
/** POST /api/v1/tickets/:id/compensation (R6c). */
export const compensationRequestSchema = z.strictObject({ decision: text(4000) });
/**
 * POST /api/v1/tickets/:id/resolve: a closing reply, or `withoutReply: true`; exactly one (the rule,
 * with its 400, is shared/workflow's `closingOf`).
 */
export const resolveRequestSchema = z.strictObject({
  // Blank is "no reply": the rule (closingOf) answers with what to send instead.
  reply: z.string().trim().max(20_000, 'must be at most 20000 characters').optional().describe('the closing reply to the customer, posted in the same transaction as the resolve'),
  withoutReply: z.boolean().optional().describe('true: resolve without a closing reply; the customer gets a system message'),
}).nullish();
/** POST /api/v1/tickets/:id/reopen: none or `{}` for the customer; agents give a reason (audited). */
export const reopenRequestSchema = z
  .strictObject({ reason: z.string().trim().max(2000, 'must be at most 2000 characters').optional().describe("why an agent reopens (required of agents: the ticket's tier and managers); goes into the audit trail") })
  .nullish();
/** Commands without a body accept none or `{}` (fastify gives "no body" as null; a JSON `null` body is refused by the parser). */
export const emptyRequestSchema = z.strictObject({}).nullish();
/** POST /api/v1/tickets/:id/take: none, `{}`, or `{takeOver: true}` to take a ticket another agent holds. */
export const takeRequestSchema = z
  .strictObject({ takeOver: z.boolean().optional().describe("true: take the ticket from the agent who holds it (agents of the ticket's tier and managers); audited as taken_over") })
  .nullish();

/** GET /api/v1/agents: who tickets can be assigned to. */
export const agentListResponseSchema = z.object({
  agents: list(
    z.object({ id, login: z.string(), name: z.string(), role: z.enum(ROLES), tiers: list(tierSchema), active: z.boolean().describe('false: deactivated (kept for names on history; cannot be assigned or put on call)') }),
  ),
});

/** Every error response: a machine code, a human message and, for bad input, the field. */
export const errorResponseSchema = z.object({
  error: z.enum(['bad_request', 'unauthorized', 'forbidden', 'password_change_required', 'not_found', 'conflict', 'too_many_requests', 'payload_too_large', 'internal', 'unavailable']),
  message: z.string(),
  field: z.string().optional(),
});
/** An error response body. */
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

const slaClockRefSchema = z.object({
  index: z.number().int().nonnegative(),
  target: slaClockSchema.shape.target,
  startedAt: instant,
  dueAt: instant,
  warnAt: instant,
});

/** The envelope of every event of `type` about a ticket, with the data that type carries. */
const envelope = <T extends TicketEventType, D extends z.ZodType<ServiceEventData<T>>>(type: T, data: D) =>
  z.object({ seq: z.number().int().positive(), type: z.literal(type), at: instant, ticketId: id, ticket: ticketSummarySchema, data });
/** The envelope of a service-wide event: about no ticket, so `ticketId` and `ticket` are null. */
const serviceWide = <T extends ServiceWideEventType, D extends z.ZodType<ServiceEventData<T>>>(type: T, data: D) =>
  z.object({ seq: z.number().int().positive(), type: z.literal(type), at: instant, ticketId: z.null(), ticket: z.null(), data });

/** One WebSocket message of /api/v1/events: a union on `type` (docs/api.md, GET /api/v1/events/schema.json). */
export const serviceEventSchema = z.discriminatedUnion('type', [
  envelope('ticket.created', z.object({ action: z.literal('created'), toTier: tierSchema })),
  envelope('ticket.changed', z.object({ action: auditEntrySchema.shape.action, mergedFrom: z.number().int().optional() })),
  envelope('ticket.routed', z.object({ action: z.literal('routed'), fromTier: tierSchema, toTier: tierSchema, reason: z.string(), outOfTurn: z.boolean() })),
  envelope('ticket.escalated', z.object({ action: z.literal('escalated'), fromTier: tierSchema, toTier: z.literal('escalation') })),
  envelope('message.added', z.object({ message: messageSchema })),
  envelope('sla.warning', z.object({ clock: slaClockRefSchema })),
  envelope('sla.breached', z.object({ clock: slaClockRefSchema })),
  envelope('page.triggered', z.object({ page: pageRefSchema, reminder: z.boolean() })),
  envelope('page.acknowledged', z.object({ page: pageRefSchema, by: personSchema })),
  envelope('page.escalated', z.object({ page: pageRefSchema })),
  envelope('page.closed', z.object({ page: pageRefSchema })),
  envelope('outage.declared', z.object({ outage: outageRefSchema })),
  envelope('outage.changed', z.object({ outage: outageRefSchema, action: z.enum(['linked', 'unlinked', 'excluded', 'compensation']) })),
  envelope('outage.warning', z.object({ outage: outageRefSchema })),
  envelope('outage.overlong', z.object({ outage: outageRefSchema })),
  envelope('outage.restored', z.object({ outage: outageRefSchema })),
  envelope('ticket.updated', z.strictObject({}).describe("a customer's form of an agents-only event about their ticket: the row changed, nothing more is said")),
  serviceWide('calendar.changed', z.object({ calendar: calendarSchema, effectiveAt: instant })),
  serviceWide('ola.changed', z.object({ targets: olaTargetsSchema }).describe("an admin changed the tiers' internal targets; agents only")),
  serviceWide('names.changed', z.object({ of: z.enum(['agent', 'customer', 'client']) }).describe("an admin changed an agent's or a customer's name, or a client's name, function group or language; read lists and tickets again")),
]) satisfies z.ZodType<ServiceEvent>;

/** GET /api/v1/events query: `since` replays every event after that sequence number. */
export const eventsQuerySchema = z.strictObject({
  since: z.coerce.number().int().nonnegative().optional(),
  token: z.string().optional().describe('the bearer token, for WebSocket clients that cannot set headers'),
});

/** The control message sent once the replay is done and the stream is live; `seq` is the last sequence number covered. */
export const streamLiveSchema = z.object({ type: z.literal('stream.live'), seq: z.number().int().nonnegative() });
/**
 * The control message sent when `?since=` is beyond the last stored event (a restore from backup,
 * another database): the stream continues after `seq`, the real head, and the client should
 * refetch everything it shows, since what it holds may describe changes the service no longer has.
 */
export const streamResetSchema = z.object({ type: z.literal('stream.reset'), seq: z.number().int().nonnegative() });

export * from './oncall.ts';

/**
 * A message a console sends on its event socket (agents only): the ticket it has open (null: none)
 * and whether the agent is typing a reply there. Re-sent every PRESENCE_REFRESH_MS (shared/presence).
 */
export const presenceUpdateSchema = z.strictObject({
  type: z.literal('presence'),
  ticketId: z.number().int().positive().max(2_147_483_647).nullable(),
  typing: z.boolean(),
});
const presentAgentSchema = z.object({ id, name: z.string(), typing: z.boolean() });
/** The control message to agents when the set of other agents on a ticket changes (empty `agents`: nobody else there now). */
export const presenceSchema = z.object({ type: z.literal('presence'), ticketId: id, agents: z.array(presentAgentSchema) });
/** The control message sent to an agent once their stream is live: every ticket other agents have open. */
export const presenceSnapshotSchema = z.object({
  type: z.literal('presence.snapshot'),
  tickets: z.array(z.object({ ticketId: id, agents: z.array(presentAgentSchema) })),
});
