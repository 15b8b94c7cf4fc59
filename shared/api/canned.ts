/**
 * Canned replies in the contract (docs/canned-replies.md): every agent lists them (GET
 * /api/v1/canned-replies, by team and language); admins and managers create, edit and delete them.
 * A body may use only the placeholders of shared/canned/placeholders.ts: any other is refused.
 */
import { z } from 'zod';
import { PLACEHOLDERS, unknownPlaceholders } from '../canned/placeholders.ts';
import { LANGUAGES, TIERS } from '../model/index.ts';
import { idParam, idSchema } from './ids.ts';

const id = idSchema;
const instant = z.number().int().describe('epoch milliseconds');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const person = z.object({ id, name: z.string() }).nullable().describe('null for the service itself (the demo)');

/** The longest body of a canned reply (a reply's own limit is 20 000). */
export const MAX_CANNED_BODY = 10_000;
/** The longest title. */
export const MAX_CANNED_TITLE = 200;

const placeholderList = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

/** A body: text with only known placeholders; the refusal names the unknown ones. */
export const cannedBodySchema = text(MAX_CANNED_BODY).superRefine((body, ctx) => {
  const unknown = unknownPlaceholders(body);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(', ')}: a canned reply may use only ${placeholderList}`,
    });
  }
});

/** A canned reply as everyone sees it. */
export const cannedReplySchema = z.object({
  id,
  title: z.string(),
  body: z.string().describe(`the text with placeholders (${placeholderList}), unfilled`),
  language: z.enum(LANGUAGES),
  tier: z.enum(TIERS).nullable().describe('the team it is for; null: every team'),
  createdBy: person,
  createdAt: instant,
  updatedBy: person,
  updatedAt: instant,
});
/** A canned reply. */
export type CannedReply = z.infer<typeof cannedReplySchema>;

/** GET /api/v1/canned-replies: narrowed by team (also the every-team ones) and language. */
export const cannedReplyListQuerySchema = z.strictObject({
  tier: z.enum(TIERS).optional().describe("this team's replies and the every-team ones; absent: every reply"),
  language: z.enum(LANGUAGES).optional(),
});
/** The list's filter. */
export type CannedReplyFilter = z.infer<typeof cannedReplyListQuerySchema>;
/** GET /api/v1/canned-replies response: by language, then every-team first, then title. */
export const cannedReplyListResponseSchema = z.object({ replies: z.array(cannedReplySchema).readonly() });
/** The list's response. */
export type CannedReplyList = z.infer<typeof cannedReplyListResponseSchema>;

/** POST /api/v1/canned-replies. */
export const createCannedReplyRequestSchema = z.strictObject({
  title: text(MAX_CANNED_TITLE),
  body: cannedBodySchema,
  language: z.enum(LANGUAGES),
  tier: z.enum(TIERS).nullable().describe('null: every team'),
});
/** PATCH /api/v1/canned-replies/:id: any of these. */
export const updateCannedReplyRequestSchema = z
  .strictObject({
    title: text(MAX_CANNED_TITLE).optional(),
    body: cannedBodySchema.optional(),
    language: z.enum(LANGUAGES).optional(),
    tier: z.enum(TIERS).nullable().optional().describe('null: every team'),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'must change at least one field');
/** A new canned reply's fields. */
export type CannedReplyFields = z.infer<typeof createCannedReplyRequestSchema>;
/** A change of a canned reply. */
export type CannedReplyPatch = z.infer<typeof updateCannedReplyRequestSchema>;
/** One canned reply's response. */
export const cannedReplyResponseSchema = z.object({ reply: cannedReplySchema });
/** DELETE response. */
export const cannedReplyDeletedResponseSchema = z.object({ id, deleted: z.literal(true) });
/** /api/v1/canned-replies/:id. */
export const cannedReplyParamsSchema = z.strictObject({ id: idParam('canned reply') });
