import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  declareOutageRequestSchema,
  errorResponseSchema,
  excludeOutageRequestSchema,
  linkOutageTicketRequestSchema,
  outageCompensationRequestSchema,
  outageGetResponseSchema,
  outageListQuerySchema,
  outageListResponseSchema,
  outageParamsSchema,
  outageResponseSchema,
  outageTicketParamsSchema,
  restoreOutageRequestSchema,
} from '../../../shared/api/index.ts';
import type { AppDeps } from '../app.ts';
import { AGENTS, sessionOf, type Audience } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema };
/** Who decides compensations (R6c). */
const MANAGERS: readonly Audience[] = ['manager'];

/** Outages (docs/availability.md): agents declare and manage them; customers read their group's. */
export function registerOutageRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { outages } = deps;

  app.get('/api/v1/outages', {
    schema: {
      operationId: 'listOutages',
      summary: 'Outages with downtime in `year` (support zone) and `state`, newest start first; customers get the public part of their group\'s, excluded ones left out',
      querystring: outageListQuerySchema,
      response: { 200: outageListResponseSchema, ...errors },
    },
  }, async (request) => ({ outages: await outages.list(sessionOf(request).actor, request.query) }));

  app.post('/api/v1/outages', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'declareOutage',
      summary: 'Declare an outage from a ticket (agents): downtime starts at its receipt (R19); 409 when the ticket is in an outage already',
      body: declareOutageRequestSchema,
      response: { 201: outageResponseSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(await outages.declare(sessionOf(request).actor, request.body)));

  app.get('/api/v1/outages/:id', {
    schema: {
      operationId: 'getOutage',
      summary: 'One outage: its tickets, timeline and compensations (agents); the public part for customers of its group, 404 for other customers',
      params: outageParamsSchema,
      response: { 200: outageGetResponseSchema, ...errors },
    },
  }, async (request) => outages.get(sessionOf(request).actor, request.params.id));

  app.post('/api/v1/outages/:id/tickets', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'linkOutageTicket',
      summary: 'Link a ticket (agents); an earlier receipt moves the start earlier; 409 when the ticket is in an outage already',
      params: outageParamsSchema,
      body: linkOutageTicketRequestSchema,
      response: { 200: outageResponseSchema, ...errors },
    },
  }, async (request) => outages.link(sessionOf(request).actor, request.params.id, request.body.ticketId));

  app.delete('/api/v1/outages/:id/tickets/:ticketId', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'unlinkOutageTicket',
      summary: 'Unlink a ticket (agents); the start is recomputed; 409 for the last ticket or a start after the restore',
      params: outageTicketParamsSchema,
      response: { 200: outageResponseSchema, ...errors },
    },
  }, async (request) => outages.unlink(sessionOf(request).actor, request.params.id, request.params.ticketId));

  app.post('/api/v1/outages/:id/restore', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'restoreOutage',
      summary: 'Record the end of downtime (agents), default now; 400 before the start or in the future, 409 when restored already',
      params: outageParamsSchema,
      body: restoreOutageRequestSchema,
      response: { 200: outageResponseSchema, ...errors },
    },
  }, async (request) => outages.restore(sessionOf(request).actor, request.params.id, request.body?.at));

  app.post('/api/v1/outages/:id/exclude', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'excludeOutage',
      summary: 'Exclude the outage from downtime with a reason (agents, R27); 409 when excluded already',
      params: outageParamsSchema,
      body: excludeOutageRequestSchema,
      response: { 200: outageResponseSchema, ...errors },
    },
  }, async (request) => outages.exclude(sessionOf(request).actor, request.params.id, request.body.reason));

  app.post('/api/v1/outages/:id/compensation', {
    config: { roles: MANAGERS },
    schema: {
      operationId: 'decideOutageCompensation',
      summary: 'Record a compensation decision against the outage (managers, R6c)',
      params: outageParamsSchema,
      body: outageCompensationRequestSchema,
      response: { 200: outageResponseSchema, ...errors },
    },
  }, async (request) => outages.compensation(sessionOf(request).actor, request.params.id, request.body.decision));
}
