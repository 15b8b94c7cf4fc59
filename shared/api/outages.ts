/**
 * The outage and availability part of the contract (docs/availability.md): /api/v1/outages and
 * GET /api/v1/availability. Self-contained (index.ts re-exports it and builds the outage events from it).
 */
import { z } from 'zod';
import { LANGUAGES, TICKET_STATUSES } from '../model/index.ts';
import { OUTAGE_ACTIONS, OUTAGE_STATES, type OutageDetail, type OutageRef, type OutageSummary, type PublicOutage } from '../model/outages.ts';
import { FUNCTION_GROUPS } from '../sla/availability.ts';
import { DECIMAL, idParam, idSchema } from './ids.ts';

const id = idSchema;
const instant = z.number().int().describe('epoch milliseconds');
const person = z.object({ id, name: z.string() });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** The years availability is kept for. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/**
 * A calendar year, as a number or decimal text (a query string). The description goes on the
 * union, not the pipe: described after the pipe, the OpenAPI document loses the string branch.
 */
const yearOf = (description: string) =>
  z
    .union([z.number(), z.string().regex(DECIMAL, 'must be a year such as 2026').transform(Number)])
    .describe(description)
    .pipe(z.number().int().min(FIRST_YEAR, `must be a year from ${FIRST_YEAR}`).max(LAST_YEAR, `must be a year up to ${LAST_YEAR}`));

/** A function group (R1, R20). */
export const functionGroupSchema = z.enum(FUNCTION_GROUPS);
/** One or both function groups, each once. */
export const functionGroupsSchema = z
  .array(functionGroupSchema)
  .min(1, 'must name at least one function group')
  .refine((g) => new Set(g).size === g.length, 'must name each function group once')
  .readonly();

/** What a customer sees of an outage of their group. */
export const publicOutageSchema = z.object({
  id,
  groups: z.array(functionGroupSchema).readonly(),
  state: z.enum(OUTAGE_STATES),
  startedAt: instant.describe('receipt of the earliest linked ticket (R19)'),
  restoredAt: instant.nullable(),
  ticketCount: z.number().int().nonnegative(),
}) satisfies z.ZodType<PublicOutage>;

/** An outage as agents see it. */
export const outageSummarySchema = publicOutageSchema.extend({
  summary: z.string(),
  declaredFrom: id.describe('the ticket it was declared from; its events are carried on this ticket'),
  declaredAt: instant,
  declaredBy: person,
  restoreBy: instant.describe('startedAt + 30 minutes (R18)'),
  excluded: z.boolean().describe('outside support\'s responsibility (R27): not downtime'),
  exclusionReason: z.string().nullable(),
}) satisfies z.ZodType<OutageSummary>;

/** One outage with its tickets, timeline and compensation decisions. */
export const outageDetailSchema = z.object({
  outage: outageSummarySchema,
  tickets: z
    .array(z.object({ id, number: id, subject: z.string(), clientId: id, clientName: z.string(), language: z.enum(LANGUAGES), status: z.enum(TICKET_STATUSES), createdAt: instant, linkedAt: instant }))
    .readonly(),
  timeline: z.array(z.object({ id, action: z.enum(OUTAGE_ACTIONS), actor: person.nullable(), detail: z.string().nullable(), at: instant })).readonly(),
  compensations: z.array(z.object({ id, decision: z.string(), by: person, at: instant })).readonly(),
}) satisfies z.ZodType<OutageDetail>;

/** What an outage event carries. */
export const outageRefSchema = z.object({
  id,
  groups: z.array(functionGroupSchema).readonly(),
  state: z.enum(OUTAGE_STATES),
  startedAt: instant,
  restoredAt: instant.nullable(),
  restoreBy: instant,
  excluded: z.boolean(),
  ticketCount: z.number().int().nonnegative(),
}) satisfies z.ZodType<OutageRef>;

/** :id of an outage. */
export const outageParamsSchema = z.strictObject({ id: idParam('outage') });
/** :id of an outage and :ticketId of one of its tickets. */
export const outageTicketParamsSchema = z.strictObject({ id: idParam('outage'), ticketId: idParam('ticket') });

/** POST /api/v1/outages: declared from a ticket, which is its first linked ticket. */
export const declareOutageRequestSchema = z.strictObject({ groups: functionGroupsSchema, summary: text(500), ticketId: id });
/** POST /api/v1/outages/:id/tickets. */
export const linkOutageTicketRequestSchema = z.strictObject({ ticketId: id });
/** POST /api/v1/outages/:id/restore: `at` defaults to now; between the start of downtime and now. */
export const restoreOutageRequestSchema = z.strictObject({ at: instant.optional().describe('the end of downtime; default now') }).nullish();
/** POST /api/v1/outages/:id/exclude (R27). */
export const excludeOutageRequestSchema = z.strictObject({ reason: text(1000) });
/** POST /api/v1/outages/:id/compensation (R6c, managers). */
export const outageCompensationRequestSchema = z.strictObject({ decision: text(4000) });

/** GET /api/v1/outages query: outages overlapping `year` (support zone), newest first. */
export const outageListQuerySchema = z.strictObject({
  year: yearOf('only outages with downtime in this calendar year of the support zone').optional(),
  state: z.enum(['open', 'restored', 'all']).default('all'),
});
/** GET /api/v1/outages response: agents get summaries, customers the public part of their group's outages. */
export const outageListResponseSchema = z.object({ outages: z.array(z.union([outageSummarySchema, publicOutageSchema])).readonly() });
/** Agents' responses about one outage. */
export const outageResponseSchema = outageDetailSchema;
/** GET /api/v1/outages/:id: agents get the detail, customers the public part. */
export const outageGetResponseSchema = z.union([outageDetailSchema, z.object({ outage: publicOutageSchema })]);

/** GET /api/v1/availability query: default the current year of the support zone. */
export const availabilityQuerySchema = z.strictObject({ year: yearOf('a calendar year of the support zone; default the current one').optional() });

const outageSpan = z.object({ id, startedAt: instant, restoredAt: instant.nullable(), durationMs: z.number().int().nonnegative() });
const figures = {
  downtimeMs: z.number().int().nonnegative(),
  budgetMs: z.number().int().nonnegative().describe('8 hours a year (R17)'),
  remainingBudgetMs: z.number().int().describe('negative once the budget is overrun'),
  uptime: z.number().describe('1 - downtime / length of the year (0..1)'),
};

/** One function group's year (R17-R20, R27). */
export const groupAvailabilitySchema = z.object({
  group: functionGroupSchema,
  ...figures,
  outageCount: z.number().int().nonnegative().describe('counted outages (not excluded) with downtime in the year'),
  overlong: z.array(outageSpan).readonly().describe('counted outages longer than 30 minutes (R18)'),
  excluded: z.array(outageSpan.extend({ reason: z.string() })).readonly().describe('outages outside support\'s responsibility (R27)'),
});
/** One client's year: its primary group's (R20). */
export const clientAvailabilitySchema = z.object({
  client: z.object({ id, name: z.string(), primaryGroup: functionGroupSchema }),
  ...figures,
  overlongCount: z.number().int().nonnegative(),
});
/** GET /api/v1/availability response; customers get their group and their client only. */
export const availabilityResponseSchema = z.object({
  year: z.number().int(),
  zone: z.string(),
  yearStart: instant,
  yearEnd: instant,
  asOf: instant.describe('open outages count up to this instant'),
  groups: z.array(groupAvailabilitySchema).readonly(),
  clients: z.array(clientAvailabilitySchema).readonly(),
});
/** GET /api/v1/availability response body. */
export type AvailabilityResponse = z.infer<typeof availabilityResponseSchema>;
/** GET /api/v1/outages response body. */
export type OutageListResponse = z.infer<typeof outageListResponseSchema>;
