/**
 * Internal per-tier targets in the contract (docs/ola.md): every agent reads them (GET
 * /api/v1/ola/targets), admins replace them (PUT), managers and admins read the report.
 */
import { z } from 'zod';
import { OLA_TIERS, type OlaTargets } from '../ola/index.ts';
import { DECIMAL } from './ids.ts';

/** The longest target: 30 days of working minutes (the database holds the same bound). */
export const MAX_OLA_MINUTES = 43_200;
const instant = z.number().int().describe('epoch milliseconds');
const instantParam = z.string().regex(DECIMAL, 'must be decimal epoch milliseconds').transform(Number);
const minutes = z
  .number('must be a whole number of working minutes, or null for none')
  .int('must be a whole number of working minutes')
  .min(1, 'must be at least 1 working minute (null: no target)')
  .max(MAX_OLA_MINUTES, `must be at most ${MAX_OLA_MINUTES} working minutes`)
  .nullable();

/** Every tier's target in working minutes, null for none; the escalation desk has none (its clock is the SLA's, R12). */
export const olaTargetsSchema = z.strictObject({
  l1: minutes.describe('L1 support'),
  'l2-analysts': minutes.describe('L2 analysts'),
  'l2-methodologists': minutes.describe('L2 methodologists'),
  l3: minutes.describe('L3 developers'),
  l4: minutes.describe('L4 developers'),
}) satisfies z.ZodType<OlaTargets>;

/** PUT /api/v1/ola/targets: all five tiers, each a target or null; nothing else. */
export const olaTargetsRequestSchema = z.strictObject({ targets: olaTargetsSchema });
/** GET and PUT /api/v1/ola/targets. */
export const olaTargetsResponseSchema = z.object({ targets: olaTargetsSchema });

/** The longest period one report covers. */
export const MAX_OLA_REPORT_MS = 366 * 24 * 3_600_000;

/** GET /api/v1/ola/report query: arrivals in [from, to). */
export const olaReportQuerySchema = z
  .strictObject({ from: instantParam.describe('inclusive'), to: instantParam.describe('exclusive') })
  .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] })
  .refine((q) => q.to - q.from <= MAX_OLA_REPORT_MS, { message: 'a report covers at most 366 days', path: ['to'] });

/** One tier's line of the report. */
export const olaReportRowSchema = z.object({
  tier: z.enum(OLA_TIERS),
  targetMinutes: z.number().int().nullable().describe("the tier's target now (null: none, and every count is 0)"),
  arrived: z.number().int().describe('arrivals in the tier in the period'),
  inTime: z.number().int().describe('answered by the due time'),
  late: z.number().int().describe('answered after the due time, or still unanswered past it'),
  running: z.number().int().describe('unanswered, not yet due'),
  medianMinutes: z.number().nullable().describe('median working minutes from arrival to answer, of those answered; null when none'),
});
/** GET /api/v1/ola/report. */
export const olaReportSchema = z.object({ from: instant, to: instant, rows: z.array(olaReportRowSchema) });

/** The report, as the console reads it. */
export type OlaReport = z.infer<typeof olaReportSchema>;
/** One line of it. */
export type OlaReportRow = z.infer<typeof olaReportRowSchema>;
