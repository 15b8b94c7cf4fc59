import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adminAgentListQuerySchema,
  adminAgentListResponseSchema,
  adminAgentResponseSchema,
  adminAuditQuerySchema,
  adminAuditResponseSchema,
  adminClientListResponseSchema,
  adminClientResponseSchema,
  adminCustomerListQuerySchema,
  adminCustomerListResponseSchema,
  adminCustomerResponseSchema,
  agentParamsSchema,
  clientParamsSchema,
  createAgentRequestSchema,
  createAgentResponseSchema,
  createClientRequestSchema,
  createCustomerRequestSchema,
  createCustomerResponseSchema,
  customerParamsSchema,
  emptyRequestSchema,
  errorResponseSchema,
  importCsvBodySchema,
  importErrorResponseSchema,
  importPreviewResponseSchema,
  importQuerySchema,
  importResponseSchema,
  temporaryPasswordResponseSchema,
  updateAgentRequestSchema,
  updateClientRequestSchema,
  updateCustomerRequestSchema,
} from '../../../shared/api/index.ts';
import { ImportRefused, type ClientsService } from '../../domain/clients-service.ts';
import { badRequest } from '../../domain/errors.ts';
import type { PeopleService } from '../../domain/people-service.ts';
import type { AppDeps } from '../app.ts';
import { ADMINISTRATION_READERS, ADMINISTRATORS } from '../../../shared/auth/roles.ts';
import { sessionOf, type Audience } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema };
// The console's write controls ask the same lists (shared/auth/roles.ts).
const READERS: readonly Audience[] = ADMINISTRATION_READERS;
const ADMINS: readonly Audience[] = ADMINISTRATORS;

/** The CSV media types the import takes; the body reaches the route as the text it is. */
const CSV_TYPES = ['text/csv'];

/** /api/v1/admin: agents, clients, customers, the CSV import, the admin audit. */
export function registerAdminRoutes(root: FastifyInstance, deps: AppDeps & { readonly people: PeopleService; readonly clients: ClientsService }): void {
  const { people, clients } = deps;
  // A CSV file is read as text (within the body limit); papaparse reads it in the service.
  root.addContentTypeParser(CSV_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/admin/agents', {
    config: { roles: READERS },
    schema: { operationId: 'adminListAgents', summary: 'Every agent with role, tiers, whether active (managers and admins)', querystring: adminAgentListQuerySchema, response: { 200: adminAgentListResponseSchema, ...errors } },
  }, async (request) => ({ agents: await people.agents(request.query.state) }));

  app.post('/api/v1/admin/agents', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminCreateAgent',
      summary: 'Create an agent with a temporary password, shown once (admins); 409 when the login is taken',
      body: createAgentRequestSchema,
      response: { 201: createAgentResponseSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(await people.createAgent(sessionOf(request).actor, request.body)));

  app.patch('/api/v1/admin/agents/:id', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminUpdateAgent',
      summary: 'Edit name, role, tiers, language; active false deactivates (signed out everywhere, off the roster), true reactivates (admins); 409 for the last active admin',
      params: agentParamsSchema,
      body: updateAgentRequestSchema,
      response: { 200: adminAgentResponseSchema, ...errors },
    },
  }, async (request) => ({ agent: await people.updateAgent(sessionOf(request).actor, request.params.id, request.body) }));

  app.post('/api/v1/admin/agents/:id/password', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminResetAgentPassword',
      summary: 'A new temporary password, shown once; the agent is signed out everywhere and must change it at the next sign-in (admins)',
      params: agentParamsSchema,
      body: emptyRequestSchema,
      response: { 200: temporaryPasswordResponseSchema, ...errors },
    },
  }, async (request) => people.resetAgentPassword(sessionOf(request).actor, request.params.id));

  app.get('/api/v1/admin/clients', {
    config: { roles: READERS },
    schema: { operationId: 'adminListClients', summary: 'Every client with its customer counts (managers and admins)', response: { 200: adminClientListResponseSchema, ...errors } },
  }, async () => ({ clients: await clients.clients() }));

  app.post('/api/v1/admin/clients', {
    config: { roles: ADMINS },
    schema: { operationId: 'adminCreateClient', summary: 'Create a client (admins); 409 when the name is taken', body: createClientRequestSchema, response: { 201: adminClientResponseSchema, ...errors } },
  }, async (request, reply) => reply.code(201).send({ client: await clients.createClient(sessionOf(request).actor, request.body) }));

  app.patch('/api/v1/admin/clients/:id', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminUpdateClient',
      summary: 'Edit name, primary function group, language (admins); 409 when the name is taken',
      params: clientParamsSchema,
      body: updateClientRequestSchema,
      response: { 200: adminClientResponseSchema, ...errors },
    },
  }, async (request) => ({ client: await clients.updateClient(sessionOf(request).actor, request.params.id, request.body) }));

  app.get('/api/v1/admin/clients/:id/customers', {
    config: { roles: READERS },
    schema: {
      operationId: 'adminListCustomers',
      summary: "A client's customers (managers and admins)",
      params: clientParamsSchema,
      querystring: adminCustomerListQuerySchema,
      response: { 200: adminCustomerListResponseSchema, ...errors },
    },
  }, async (request) => ({ customers: await clients.customers(request.params.id, request.query.state) }));

  app.post('/api/v1/admin/clients/:id/customers', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminCreateCustomer',
      summary: 'Create a customer of the client with a temporary password, shown once (admins); 409 when the login is taken',
      params: clientParamsSchema,
      body: createCustomerRequestSchema,
      response: { 201: createCustomerResponseSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(await clients.createCustomer(sessionOf(request).actor, request.params.id, request.body)));

  app.patch('/api/v1/admin/clients/:id/customers/:customerId', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminUpdateCustomer',
      summary: 'Edit name, language; active false deactivates (signed out everywhere), true reactivates (admins)',
      params: customerParamsSchema,
      body: updateCustomerRequestSchema,
      response: { 200: adminCustomerResponseSchema, ...errors },
    },
  }, async (request) => ({ customer: await clients.updateCustomer(sessionOf(request).actor, request.params.id, request.params.customerId, request.body) }));

  app.post('/api/v1/admin/clients/:id/customers/:customerId/password', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminResetCustomerPassword',
      summary: 'A new temporary password, shown once; the customer is signed out everywhere and must change it at the next sign-in (admins)',
      params: customerParamsSchema,
      body: emptyRequestSchema,
      response: { 200: temporaryPasswordResponseSchema, ...errors },
    },
  }, async (request) => clients.resetCustomerPassword(sessionOf(request).actor, request.params.id, request.params.customerId));

  app.post('/api/v1/admin/clients/:id/customers/import', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminImportCustomers',
      summary: 'Import customers from a CSV file, all or nothing (admins): ?dryRun=true checks every row and writes nothing (200); otherwise 201 with each customer and temporary password, or 400 with every row\'s check',
      consumes: CSV_TYPES,
      params: clientParamsSchema,
      querystring: importQuerySchema,
      body: importCsvBodySchema,
      response: { 200: importPreviewResponseSchema, 201: importResponseSchema, ...errors, 400: importErrorResponseSchema },
    },
  }, async (request, reply) => {
    // A JSON string would pass the body's schema too; the file comes as text/csv only.
    if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '')) throw badRequest('body', 'send the file as the body with content-type text/csv');
    try {
      const outcome = await clients.importCustomers(sessionOf(request).actor, request.params.id, request.body, request.query.dryRun);
      return outcome.dryRun ? reply.code(200).send(outcome) : reply.code(201).send(outcome);
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      return reply.code(400).send({ error: 'bad_request', message: error.message, field: 'body', ...(error.rows !== undefined ? { rows: error.rows } : {}) });
    }
  });

  app.get('/api/v1/admin/audit', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminAudit',
      summary: 'Administrative changes, newest first, filtered by actor, action, target and time (admins)',
      querystring: adminAuditQuerySchema,
      response: { 200: adminAuditResponseSchema, ...errors },
    },
  }, async (request) => {
    const q = request.query;
    return {
      entries: await people.audit({
        limit: q.limit,
        ...(q.actor !== undefined ? { actor: q.actor } : {}),
        ...(q.action !== undefined ? { action: q.action } : {}),
        ...(q.targetKind !== undefined ? { targetKind: q.targetKind } : {}),
        ...(q.targetId !== undefined ? { targetId: q.targetId } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        ...(q.before !== undefined ? { before: q.before } : {}),
      }),
    };
  });
}
