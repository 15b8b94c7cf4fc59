import { z } from 'zod';
import {
  createAgentRequestSchema,
  createClientRequestSchema,
  createCustomerRequestSchema,
  idSchema,
  MAX_IMPORT_ROWS,
  updateAgentRequestSchema,
  updateClientRequestSchema,
  updateCustomerRequestSchema,
  type adminAgentResponseSchema,
  type adminClientResponseSchema,
  type adminCustomerResponseSchema,
  type createAgentResponseSchema,
  type createCustomerResponseSchema,
  type ImportResult,
  type telegramRetryResponseSchema,
  type temporaryPasswordResponseSchema,
} from '../api/index.ts';

const id = idSchema;
/** A CSV file as text: up to MAX_IMPORT_ROWS rows of a few hundred characters each. */
const csv = z.string().max(MAX_IMPORT_ROWS * 400, `must be at most ${MAX_IMPORT_ROWS * 400} characters`);

/** Every administrative change as one validated value: what the console sends over IPC or HTTP. */
export const adminCommandSchema = z.discriminatedUnion('command', [
  createAgentRequestSchema.extend({ command: z.literal('createAgent') }),
  z.strictObject({ command: z.literal('updateAgent'), id, patch: updateAgentRequestSchema }),
  z.strictObject({ command: z.literal('resetAgentPassword'), id }),
  createClientRequestSchema.extend({ command: z.literal('createClient') }),
  z.strictObject({ command: z.literal('updateClient'), id, patch: updateClientRequestSchema }),
  createCustomerRequestSchema.extend({ command: z.literal('createCustomer'), clientId: id }),
  z.strictObject({ command: z.literal('updateCustomer'), clientId: id, customerId: id, patch: updateCustomerRequestSchema }),
  z.strictObject({ command: z.literal('resetCustomerPassword'), clientId: id, customerId: id }),
  z.strictObject({ command: z.literal('importCustomers'), clientId: id, csv, dryRun: z.boolean() }),
  z.strictObject({ command: z.literal('retryTelegram'), id }),
]);
/** One administrative change. */
export type AdminCommand = z.infer<typeof adminCommandSchema>;
/** The name of an administrative change. */
export type AdminCommandName = AdminCommand['command'];

/** What each administrative change answers. */
export interface AdminCommandResults {
  createAgent: z.infer<typeof createAgentResponseSchema>;
  updateAgent: z.infer<typeof adminAgentResponseSchema>;
  resetAgentPassword: z.infer<typeof temporaryPasswordResponseSchema>;
  createClient: z.infer<typeof adminClientResponseSchema>;
  updateClient: z.infer<typeof adminClientResponseSchema>;
  createCustomer: z.infer<typeof createCustomerResponseSchema>;
  updateCustomer: z.infer<typeof adminCustomerResponseSchema>;
  resetCustomerPassword: z.infer<typeof temporaryPasswordResponseSchema>;
  /** A dry run's preview (ok may be false), or the customers made. A refused import rejects with a 400. */
  importCustomers: ImportResult;
  /** A failed Telegram message queued again, for the client's chat as set now. */
  retryTelegram: z.infer<typeof telegramRetryResponseSchema>;
}
/** What any administrative change answers (the caller knows which it sent). */
export type AdminCommandResult = AdminCommandResults[AdminCommandName];
