/**
 * The on-call roster's contract (/api/v1/oncall): the schedule (a weekly rotation per layer),
 * one-off overrides, and who is on call at an instant. Instants are epoch milliseconds.
 */
import { z } from 'zod';
import { LAYERS } from '../oncall/index.ts';
import { DECIMAL, idParamSchema, idSchema } from './ids.ts';

/** The latest instant JavaScript dates hold; later instants are refused. */
const MAX_INSTANT = 8_640_000_000_000_000;
const instant = z.number().int('must be whole milliseconds').min(0, 'must be an instant from 1970').max(MAX_INSTANT, 'must be a representable instant').describe('epoch milliseconds');
/** An instant in a query string: canonical decimal digits (no sign, leading zero, exponent, fraction or hex). */
const instantParam = z
  .string()
  .regex(DECIMAL, 'must be decimal epoch milliseconds')
  .transform(Number)
  .pipe(instant);
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** A roster layer. */
export const layerSchema = z.enum(LAYERS);

/** A weekly wall-clock moment in the support zone. */
export const handOverSchema = z.strictObject({
  weekday: z.number().int().min(1, 'must be an ISO weekday from 1 (Monday)').max(7, 'must be an ISO weekday up to 7 (Sunday)'),
  time: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a wall-clock time HH:mm from 00:00 to 23:59'),
});

/** Whether a 'YYYY-MM-DD' string names a day that exists (not 2026-02-30); never throws (zod runs it even after a failed regex). */
const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || !Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const isoDate = z
  .string()
  .regex(/^(19[7-9][0-9]|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}$/, 'must be a date YYYY-MM-DD from 1970')
  .refine(isRealDate, 'must be a date that exists');

const sameMoment = (a: z.infer<typeof handOverSchema>, b: z.infer<typeof handOverSchema>): boolean => a.weekday === b.weekday && a.time === b.time;

/** One layer's weekly rotation. */
export const rotationSchema = z
  .strictObject({
    agents: z.array(idSchema).max(100, 'must list at most 100 agents').readonly().describe('agent ids in rotation order; one week each'),
    start: isoDate.describe('local date in the support zone; the first agent starts at the first rotateAt on or after it'),
    handovers: z.array(handOverSchema).min(1, 'must hold at least one hand-over').max(50, 'must hold at most 50 hand-overs').readonly().describe('shift boundaries, each shift lasting until the next'),
    rotateAt: handOverSchema.describe('the weekly hand-over at which the next agent takes over; one of handovers'),
  })
  .refine((r) => r.handovers.every((h, i) => r.handovers.findIndex((o) => sameMoment(o, h)) === i), { message: 'must not repeat a hand-over', path: ['handovers'] })
  .refine((r) => r.handovers.some((h) => sameMoment(h, r.rotateAt)), { message: 'must be one of handovers', path: ['rotateAt'] });

/** GET/PUT /api/v1/oncall/schedule: the rotation of each layer. */
export const scheduleSchema = z.strictObject({ primary: rotationSchema, secondary: rotationSchema });

/** An override as stored. */
export const overrideSchema = z.object({
  id: idSchema,
  layer: layerSchema,
  agentId: idSchema,
  from: instant,
  to: instant,
  reason: z.string().nullable(),
  createdAt: instant,
  createdBy: idSchema.nullable(),
});

/** POST /api/v1/oncall/overrides: agentId covers layer over [from, to). A swap is two overrides. */
export const createOverrideRequestSchema = z.strictObject({
  agentId: idSchema,
  layer: layerSchema,
  from: instant,
  to: instant.describe('exclusive; must be later than from'),
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
});

/** GET /api/v1/oncall/overrides query: overrides overlapping [from, to); both optional. */
export const overrideListQuerySchema = z.strictObject({
  from: instantParam.optional().describe('default: now'),
  to: instantParam.optional().describe('default: no end'),
});
/** GET /api/v1/oncall/overrides response, by start. */
export const overrideListResponseSchema = z.object({ overrides: list(overrideSchema) });
/** :id of an override. */
export const overrideParamsSchema = z.strictObject({ id: idParamSchema });

/** GET /api/v1/oncall query. */
export const onCallQuerySchema = z.strictObject({ at: instantParam.optional().describe('default: now') });

const segmentSchema = z.object({ from: instant, to: instant, primary: idSchema.nullable(), secondary: idSchema.nullable() });
/** GET /api/v1/oncall response: who is on call at `at`, until when, and the next 14 days. */
export const onCallResponseSchema = z.object({
  at: instant,
  afterHours: z.boolean().describe("the support calendar's view: not working time"),
  primary: idSchema.nullable(),
  secondary: idSchema.nullable(),
  until: instant.nullable().describe('when either layer next changes; null when not within 14 days'),
  next: list(segmentSchema),
});
