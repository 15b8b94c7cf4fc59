/**
 * The administration part of the contract: people (agents), clients and their customers, the CSV
 * import of customers, the admin audit log (/api/v1/admin/...), and each user's own password and
 * sessions (/api/v1/session/password, /api/v1/session/others). Admins write; managers read people
 * and clients. Self-contained (index.ts re-exports it).
 */
import { z } from 'zod';
import { LANGUAGES, ROLES, TIERS } from '../model/index.ts';
import { FUNCTION_GROUPS } from '../sla/availability.ts';
import { DECIMAL, idParam, idSchema } from './ids.ts';
import { telegramChatIdSchema } from './telegram.ts';

const id = idSchema;
const instant = z.number().int().describe('epoch milliseconds');
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** An instant in a query string: canonical decimal digits. */
const instantParam = z.string().regex(DECIMAL, 'must be decimal epoch milliseconds').transform(Number);

/** The most rows one CSV import may hold. */
export const MAX_IMPORT_ROWS = 2000;
/** The characters a login is made of: lower-case, so two people never differ by case alone. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,99}$/;
/** A new login: 2-100 lower-case letters, digits, `.`, `_`, `-`, `@`, starting with a letter or digit. */
export const loginSchema = z
  .string()
  .trim()
  .regex(LOGIN_PATTERN, 'must be 2 to 100 lower-case letters, digits, ".", "_", "-" or "@", starting with a letter or digit');
/** A person's or client's display name. */
export const nameSchema = text(200);
const languageSchema = z.enum(LANGUAGES);
const roleSchema = z.enum(ROLES);
const tierSchema = z.enum(TIERS);
const functionGroupSchema = z.enum(FUNCTION_GROUPS);
/** An agent's tiers: each once; may be empty (an admin who works no queue). */
export const tiersSchema = z
  .array(tierSchema)
  .max(TIERS.length)
  .refine((t) => new Set(t).size === t.length, 'must name each tier once')
  .readonly();

/** What every account shows an administrator (never a password or its hash). */
const accountFields = {
  id,
  login: z.string(),
  name: z.string(),
  language: languageSchema,
  active: z.boolean().describe('false once deactivated: cannot sign in; kept on history'),
  mustChangePassword: z.boolean().describe('true after creation or a reset until the person sets their own password'),
  createdAt: instant,
  deactivatedAt: instant.nullable(),
};

/** An agent as administrators see it. */
export const adminAgentSchema = z.object({ ...accountFields, role: roleSchema, tiers: list(tierSchema) });
/** A customer as administrators see it. */
export const adminCustomerSchema = z.object({ ...accountFields, clientId: id });
/** A client as administrators see it. */
export const adminClientSchema = z.object({
  id,
  name: z.string(),
  primaryGroup: functionGroupSchema,
  language: languageSchema,
  customerCount: z.number().int().nonnegative().describe('customers, active or not'),
  activeCustomerCount: z.number().int().nonnegative(),
  telegramChatId: z.string().nullable().describe("R11: the client's Telegram chat for ticket status (docs/telegram.md), or null"),
});

/** A one-time password, shown in this response only; its owner must change it at the next sign-in. */
const temporaryPassword = z.string().describe('shown once, never stored in clear; must be changed at the next sign-in');

/** Which accounts a list shows. */
const stateQuery = z.enum(['active', 'inactive', 'all']).default('all').describe('default: all');

// ---- agents ----

/** GET /api/v1/admin/agents query. */
export const adminAgentListQuerySchema = z.strictObject({ state: stateQuery });
/** GET /api/v1/admin/agents response, by name. */
export const adminAgentListResponseSchema = z.object({ agents: list(adminAgentSchema) });
/** POST /api/v1/admin/agents. */
export const createAgentRequestSchema = z.strictObject({
  login: loginSchema,
  name: nameSchema,
  role: roleSchema,
  tiers: tiersSchema,
  language: languageSchema.optional().describe('default: en'),
});
/** POST /api/v1/admin/agents response (201). */
export const createAgentResponseSchema = z.object({ agent: adminAgentSchema, temporaryPassword });
/** PATCH /api/v1/admin/agents/:id: any of these; `active: false` deactivates, `true` reactivates. */
export const updateAgentRequestSchema = z
  .strictObject({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    tiers: tiersSchema.optional(),
    language: languageSchema.optional(),
    active: z.boolean().optional().describe('false: deactivate (signed out everywhere, off the roster from now on); true: reactivate'),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'must change at least one field');
/** An agent's response. */
export const adminAgentResponseSchema = z.object({ agent: adminAgentSchema });
/** :id of an agent. */
export const agentParamsSchema = z.strictObject({ id: idParam('agent') });

// ---- clients and customers ----

/** GET /api/v1/admin/clients response, by name. */
export const adminClientListResponseSchema = z.object({ clients: list(adminClientSchema) });
/** POST /api/v1/admin/clients. */
export const createClientRequestSchema = z.strictObject({
  name: nameSchema,
  primaryGroup: functionGroupSchema.describe('R2, R20: the function group whose availability is this client\'s'),
  language: languageSchema.describe('R10: the language support answers in'),
  telegramChatId: telegramChatIdSchema.nullable().optional().describe('R11: the Telegram chat for ticket status; default none'),
});
/** PATCH /api/v1/admin/clients/:id: any of these; `telegramChatId: null` removes the chat. */
export const updateClientRequestSchema = z
  .strictObject({
    name: nameSchema.optional(),
    primaryGroup: functionGroupSchema.optional(),
    language: languageSchema.optional(),
    telegramChatId: telegramChatIdSchema.nullable().optional().describe('null: no chat'),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'must change at least one field');
/** A client's response. */
export const adminClientResponseSchema = z.object({ client: adminClientSchema });
/** :id of a client. */
export const clientParamsSchema = z.strictObject({ id: idParam('client') });

/** GET /api/v1/admin/clients/:id/customers query. */
export const adminCustomerListQuerySchema = z.strictObject({ state: stateQuery });
/** GET /api/v1/admin/clients/:id/customers response, by name. */
export const adminCustomerListResponseSchema = z.object({ customers: list(adminCustomerSchema) });
/** POST /api/v1/admin/clients/:id/customers. */
export const createCustomerRequestSchema = z.strictObject({
  login: loginSchema,
  name: nameSchema,
  language: languageSchema.optional().describe("default: the client's language"),
});
/** POST /api/v1/admin/clients/:id/customers response (201). */
export const createCustomerResponseSchema = z.object({ customer: adminCustomerSchema, temporaryPassword });
/** PATCH /api/v1/admin/clients/:id/customers/:customerId: any of these. */
export const updateCustomerRequestSchema = z
  .strictObject({
    name: nameSchema.optional(),
    language: languageSchema.optional(),
    active: z.boolean().optional().describe('false: deactivate (signed out everywhere); true: reactivate'),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'must change at least one field');
/** A customer's response. */
export const adminCustomerResponseSchema = z.object({ customer: adminCustomerSchema });
/** :id of a client and :customerId of one of its customers. */
export const customerParamsSchema = z.strictObject({ id: idParam('client'), customerId: idParam('customer') });

/** POST .../password response: the new one-time password. */
export const temporaryPasswordResponseSchema = z.object({ temporaryPassword });

// ---- CSV import ----

/** The columns of an import file; the header row names them (any order; `language` may be left out). */
export const IMPORT_COLUMNS = ['login', 'name', 'language'] as const;
/** POST /api/v1/admin/clients/:id/customers/import query. */
export const importQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('false').describe('true: check every row and write nothing (the preview)').transform((v) => v === 'true'),
});
/** The CSV body, as the OpenAPI document shows it. */
export const importCsvBodySchema = z
  .string()
  .describe(`UTF-8 CSV (text/csv): a header row naming the columns ${IMPORT_COLUMNS.join(', ')} (language optional; default the client's), then one customer per row; at most ${MAX_IMPORT_ROWS} rows`);
/** One row's check. */
export const importRowSchema = z.object({
  row: z.number().int().positive().describe('line of the file, the header being line 1'),
  login: z.string(),
  name: z.string(),
  language: languageSchema.nullable().describe("null when the cell is unusable; the client's when empty"),
  error: z.object({ field: z.string(), message: z.string() }).optional().describe('why this row cannot be imported'),
});
/** The dry run's answer (200): every row, with its error if any; `ok` says whether the import would succeed. */
export const importPreviewResponseSchema = z.object({ dryRun: z.literal(true), ok: z.boolean(), rows: list(importRowSchema) });
/** The import's answer (201): every customer made, with their one-time password. */
export const importResponseSchema = z.object({
  dryRun: z.literal(false),
  ok: z.literal(true),
  rows: list(importRowSchema),
  created: list(z.object({ customer: adminCustomerSchema, temporaryPassword })),
});
/** Either answer of the import route. */
export const importResultSchema = z.union([importPreviewResponseSchema, importResponseSchema]);
/** An import refused (400): nothing was written; `rows` holds every row's check when the rows could be read. */
export const importErrorResponseSchema = z.object({
  error: z.enum(['bad_request']),
  message: z.string(),
  field: z.string().optional(),
  rows: list(importRowSchema).optional().describe("every row's check: present when the file's rows were read"),
});

// ---- admin audit ----

/** Actions this service writes to the admin audit (more may be added; consoles show unknown ones as written). */
export const ADMIN_AUDIT_ACTIONS = [
  'agent_created',
  'agent_updated',
  'agent_deactivated',
  'agent_reactivated',
  'agent_password_reset',
  'client_created',
  'client_updated',
  'customer_created',
  'customer_updated',
  'customer_deactivated',
  'customer_reactivated',
  'customer_password_reset',
  'customers_imported',
  'password_changed',
  'setup',
  'calendar_changed',
  'telegram_retried',
  'canned_reply_created',
  'canned_reply_updated',
  'canned_reply_deleted',
] as const;
/** An admin audit entry (never a password or hash in `detail`). */
export const adminAuditEntrySchema = z.object({
  id,
  actor: z.object({ id, name: z.string() }).nullable().describe('null for the service itself'),
  action: z.string().describe(`e.g. ${ADMIN_AUDIT_ACTIONS.join(', ')}`),
  targetKind: z.string().describe('agent, customer, client, calendar, setup, ...'),
  targetId: id.nullable(),
  targetName: z.string().nullable().describe('the name of the agent, customer or client changed, as it is now'),
  detail: z.record(z.string(), z.unknown()).describe('what changed'),
  at: instant,
});
/** GET /api/v1/admin/audit query; newest first. */
export const adminAuditQuerySchema = z.strictObject({
  actor: idParam('user').optional().describe('only changes by this user'),
  action: z.string().trim().min(1).max(100).optional(),
  targetKind: z.string().trim().min(1).max(100).optional(),
  targetId: idParam('target').optional(),
  from: instantParam.optional().describe('inclusive'),
  to: instantParam.optional().describe('exclusive'),
  before: idParam('audit entry').optional().describe('only entries older than this one (paging: the last id of the previous page)'),
  limit: z
    .string()
    .regex(DECIMAL, 'must be a decimal number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'))
    .default(200),
});
/** The audit filter as a console passes it (numbers, not query text): the IPC argument and the client's parameter. */
export const adminAuditFilterSchema = z.strictObject({
  actor: id.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  targetKind: z.string().trim().min(1).max(100).optional(),
  targetId: id.optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  before: id.optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
/** GET /api/v1/admin/audit query, as a caller passes it. */
export type AdminAuditFilter = z.infer<typeof adminAuditFilterSchema>;
/** GET /api/v1/admin/audit response. */
export const adminAuditResponseSchema = z.object({ entries: list(adminAuditEntrySchema) });

// ---- own password and sessions ----

/** POST /api/v1/session/password: the rule of `next` is checkNewPassword (shared/auth/password-rules.ts). */
export const changePasswordRequestSchema = z.strictObject({
  current: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  next: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').describe('at least 10 characters, not the login'),
});
/** POST /api/v1/session/password response: this session goes on; every other session of the user has ended. */
export const changePasswordResponseSchema = z.object({ otherSessionsEnded: z.number().int().nonnegative() });
/** One other session of the caller (the id is opaque: neither the token nor its hash). */
export const otherSessionSchema = z.object({
  id: z.string().describe('opaque; names the session for DELETE /api/v1/session/others/:id'),
  createdAt: instant,
  lastUsedAt: instant.nullable().describe('to the minute'),
  userAgent: z.string().nullable(),
  expiresAt: instant,
});
/** GET /api/v1/session/others response, most recently used first. */
export const otherSessionsResponseSchema = z.object({ sessions: list(otherSessionSchema) });
/** DELETE /api/v1/session/others response. */
export const endSessionsResponseSchema = z.object({ ended: z.number().int().nonnegative() });
/** :id of another session. */
export const otherSessionParamsSchema = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a session id from GET /api/v1/session/others') });

// ---- types ----

/** An agent as administrators see it. */
export type AdminAgent = z.infer<typeof adminAgentSchema>;
/** A customer as administrators see it. */
export type AdminCustomer = z.infer<typeof adminCustomerSchema>;
/** A client as administrators see it. */
export type AdminClient = z.infer<typeof adminClientSchema>;
/** One row of an import's check. */
export type ImportRow = z.infer<typeof importRowSchema>;
/** The import route's answer. */
export type ImportResult = z.infer<typeof importResultSchema>;
/** An admin audit entry. */
export type AdminAuditEntry = z.infer<typeof adminAuditEntrySchema>;
/** Another session of the caller. */
export type OtherSession = z.infer<typeof otherSessionSchema>;
