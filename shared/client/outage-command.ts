import { z } from 'zod';
import {
  declareOutageRequestSchema,
  excludeOutageRequestSchema,
  idSchema,
  linkOutageTicketRequestSchema,
  outageCompensationRequestSchema,
} from '../api/index.ts';

const id = idSchema;
const instant = z.number().int();

/** Every action on outages as one validated value: what the console sends over IPC or HTTP. */
export const outageCommandSchema = z.discriminatedUnion('command', [
  declareOutageRequestSchema.extend({ command: z.literal('declare') }),
  linkOutageTicketRequestSchema.extend({ command: z.literal('link'), id }),
  z.strictObject({ command: z.literal('unlink'), id, ticketId: id }),
  z.strictObject({ command: z.literal('restore'), id, at: instant.optional() }),
  excludeOutageRequestSchema.extend({ command: z.literal('exclude'), id }),
  outageCompensationRequestSchema.extend({ command: z.literal('compensation'), id }),
]);
/** One action on an outage (`declare` makes one). */
export type OutageCommand = z.infer<typeof outageCommandSchema>;
