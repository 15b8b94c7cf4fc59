/**
 * A change of canned replies as the console sends it over IPC or HTTP. Titles and bodies pass as
 * text: the service checks them (length, placeholders) and says what is wrong, in one place.
 */
import { z } from 'zod';
import { cannedReplyListQuerySchema, idSchema, type CannedReply } from '../api/index.ts';
import { LANGUAGES, TIERS } from '../model/index.ts';

const fields = {
  title: z.string().max(1000),
  body: z.string().max(100_000),
  language: z.enum(LANGUAGES),
  tier: z.enum(TIERS).nullable(),
};

/** Create, edit or delete one canned reply. */
export const cannedCommandSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('create'), ...fields }),
  z.strictObject({ command: z.literal('update'), id: idSchema, patch: z.strictObject({ title: fields.title.optional(), body: fields.body.optional(), language: fields.language.optional(), tier: fields.tier.optional() }) }),
  z.strictObject({ command: z.literal('delete'), id: idSchema }),
]);
/** A change of canned replies. */
export type CannedCommand = z.infer<typeof cannedCommandSchema>;
/** What a change answers: the reply as stored, or the id deleted. */
export type CannedCommandResult = { readonly reply: CannedReply } | { readonly id: number; readonly deleted: true };

/** The list's filter over IPC. */
export const cannedListArgsSchema = cannedReplyListQuerySchema.optional();
