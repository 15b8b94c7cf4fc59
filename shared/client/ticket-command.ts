import { z } from 'zod';
import {
  compensationRequestSchema,
  idSchema,
  escalateRequestSchema,
  mergeRequestSchema,
  messageRequestSchema,
  reopenRequestSchema,
  resolveRequestSchema,
  routeRequestSchema,
} from '../api/index.ts';

const id = idSchema;
const reopenReason = reopenRequestSchema.unwrap().unwrap().shape.reason;

/** Every action on a ticket as one validated value: what the console sends over IPC or HTTP. */
export const ticketCommandSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('take'), id, takeOver: z.boolean().optional() }),
  resolveRequestSchema.unwrap().unwrap().extend({ command: z.literal('resolve'), id }),
  z.strictObject({ command: z.literal('reopen'), id, reason: reopenReason }),
  messageRequestSchema.extend({ command: z.literal('message'), id }),
  routeRequestSchema.extend({ command: z.literal('route'), id }),
  escalateRequestSchema.extend({ command: z.literal('escalate'), id }),
  mergeRequestSchema.extend({ command: z.literal('merge'), id }),
  compensationRequestSchema.extend({ command: z.literal('compensation'), id }),
]);
/** One action on a ticket. */
export type TicketCommand = z.infer<typeof ticketCommandSchema>;
