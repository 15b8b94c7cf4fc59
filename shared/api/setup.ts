/**
 * The first start's part of the contract: POST /api/v1/setup (docs/api.md). Self-contained
 * (index.ts re-exports it). The new admin's password follows shared/auth/password-rules.ts.
 */
import { z } from 'zod';
import { checkNewPassword, MAX_PASSWORD_LENGTH } from '../auth/password-rules.ts';
import { LANGUAGES } from '../model/index.ts';
import { loginSchema, nameSchema } from './admin.ts';
import { calendarRequestSchema } from './calendar.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The first admin's account. */
export const setupAdminSchema = z
  .strictObject({
    login: loginSchema,
    name: nameSchema,
    password: z.string().max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
    /** The admin's language (R10); default English. */
    language: z.enum(LANGUAGES).optional(),
  })
  .superRefine((admin, ctx) => {
    const refusal = checkNewPassword(admin.login, admin.password);
    if (refusal !== null) ctx.addIssue({ code: 'custom', path: ['password'], message: refusal.message });
  });

/** POST /api/v1/setup: the one-time code from the service's log, the organisation, the first admin, and optionally the support calendar (R7). */
export const setupRequestSchema = z.strictObject({
  code: text(64).describe('the one-time setup code the service printed to its log, e.g. ABCD-EFGH-JKLM-NPQR'),
  organization: text(200).describe("the support team's organisation, as the console shows it"),
  admin: setupAdminSchema,
  calendar: calendarRequestSchema.optional().describe('the support calendar, as PUT /api/v1/admin/calendar takes it; default the SLA\'s (Europe/Kyiv, 09:00-18:00, Monday-Friday, no holidays)'),
});
/** A setup request as sent. */
export type SetupRequest = z.input<typeof setupRequestSchema>;
/** A setup request once validated. */
export type ValidSetupRequest = z.output<typeof setupRequestSchema>;
