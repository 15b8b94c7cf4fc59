import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  compensationRequestSchema,
  createTicketRequestSchema,
  errorResponseSchema,
  escalateRequestSchema,
  mergeRequestSchema,
  messageRequestSchema,
  reopenRequestSchema,
  resolveRequestSchema,
  routeRequestSchema,
  takeRequestSchema,
  ticketDetailSchema,
  ticketListQuerySchema,
  ticketListResponseSchema,
  ticketParamsSchema,
  queuePageSchema,
  queueQuerySchema,
} from '../../../shared/api/index.ts';
import { parseCursor } from '../../../shared/tickets/service-order.ts';
import { badRequest } from '../../domain/errors.ts';
import type { Tier } from '../../../shared/model/index.ts';
import type { TicketCommand } from '../../domain/workflow.ts';
import { isActive, userById } from '../../store/users.ts';
import type { AppDeps } from '../app.ts';
import { sessionOf } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema };

/** Ticket queries and commands; handlers stay thin and call the ticket service. */
export function registerTicketRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { tickets } = deps;

  app.get('/api/v1/tickets', {
    schema: {
      operationId: 'listTickets',
      summary: 'Tickets of a view, ordered by SLA (breached, running by due time, paused, idle, closed)',
      querystring: ticketListQuerySchema,
      response: { 200: ticketListResponseSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    return { tickets: await tickets.list(s.actor, request.query) };
  });

  app.get('/api/v1/queue', {
    schema: {
      operationId: 'listQueue',
      summary: "A page of a view's queue rows, in the queue order; every ticket event carries the same row (docs/api.md, Rows and events)",
      querystring: queueQuerySchema,
      response: { 200: queuePageSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    const { after, ...query } = request.query;
    const key = after === undefined ? undefined : parseCursor(after);
    if (key === null) throw badRequest('after', 'must be a `next` cursor from an earlier page');
    return tickets.queue(s.actor, { ...query, after: key });
  });

  app.post('/api/v1/tickets', {
    schema: { operationId: 'createTicket', summary: 'File a ticket (customers); it lands in l1', body: createTicketRequestSchema, response: { 201: ticketDetailSchema, ...errors } },
  }, async (request, reply) => {
    const s = sessionOf(request);
    return reply.code(201).send(await tickets.create(s.actor, request.body));
  });

  app.get('/api/v1/tickets/:id', {
    schema: { operationId: 'getTicket', summary: 'A ticket with its messages (and audit trail, for agents)', params: ticketParamsSchema, response: { 200: ticketDetailSchema, ...errors } },
  }, async (request) => {
    const s = sessionOf(request);
    return tickets.get(s.actor, request.params.id);
  });

  app.post('/api/v1/tickets/:id/messages', {
    schema: {
      operationId: 'addMessage',
      summary: 'Reply, ask a clarifying question (R13) or leave an internal note; customers reply only',
      params: ticketParamsSchema,
      body: messageRequestSchema,
      response: { 201: ticketDetailSchema, ...errors },
    },
  }, async (request, reply) => {
    const s = sessionOf(request);
    const detail = await tickets.command(s.actor, request.params.id, { type: 'message', messageType: request.body.type, body: request.body.body });
    return reply.code(201).send(detail);
  });

  app.post('/api/v1/tickets/:id/take', {
    schema: {
      operationId: 'takeTicket',
      summary: "Take the ticket into work: the reaction of R21/R24; 409 naming the holder when another agent has it, unless takeOver",
      params: ticketParamsSchema,
      body: takeRequestSchema,
      response: { 200: ticketDetailSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    return tickets.command(s.actor, request.params.id, { type: 'take', takeOver: request.body?.takeOver === true });
  });

  app.post('/api/v1/tickets/:id/resolve', {
    schema: {
      operationId: 'resolveTicket',
      summary: 'Resolve with a closing reply (posted in the same transaction) or explicitly withoutReply; 400 with neither',
      params: ticketParamsSchema,
      body: resolveRequestSchema,
      response: { 200: ticketDetailSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    return tickets.command(s.actor, request.params.id, { type: 'resolve', reply: request.body?.reply, withoutReply: request.body?.withoutReply });
  });

  app.post('/api/v1/tickets/:id/reopen', {
    schema: {
      operationId: 'reopenTicket',
      summary: "Reopen a resolved ticket: the customer, or an agent of the ticket's tier (or a manager) with a reason, audited",
      params: ticketParamsSchema,
      body: reopenRequestSchema,
      response: { 200: ticketDetailSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    return tickets.command(s.actor, request.params.id, { type: 'reopen', reason: request.body?.reason });
  });

  app.post('/api/v1/tickets/:id/route', {
    schema: {
      operationId: 'routeTicket',
      summary: 'Route along the tier path (R5) with a reason; managers may move out of turn and choose the assignee (R6)',
      params: ticketParamsSchema,
      body: routeRequestSchema,
      response: { 200: ticketDetailSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    const { tier, reason, assigneeId } = request.body;
    let assignee: { id: number; tiers: readonly Tier[] } | null | undefined;
    if (assigneeId !== undefined) {
      const user = await userById(deps.db.kysely, assigneeId);
      // A deactivated agent is no one to assign to (400 "no such agent").
      assignee = user?.kind === 'agent' && (await isActive(deps.db.kysely, user.id)) ? { id: user.id, tiers: user.tiers } : null;
    }
    const command: TicketCommand = { type: 'route', tier, reason, assignee };
    return tickets.command(s.actor, request.params.id, command);
  });

  app.post('/api/v1/tickets/:id/escalate', {
    schema: {
      operationId: 'escalateTicket',
      summary: 'Escalate with a written justification (R12): to the escalation desk, escalation SLA target',
      params: ticketParamsSchema,
      body: escalateRequestSchema,
      response: { 200: ticketDetailSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    return tickets.command(s.actor, request.params.id, { type: 'escalate', justification: request.body.justification });
  });

  app.post('/api/v1/tickets/:id/merge', {
    schema: {
      operationId: 'mergeTicket',
      summary: 'Merge this duplicate into an open original (R15); nothing is deleted',
      params: ticketParamsSchema,
      body: mergeRequestSchema,
      response: { 200: ticketDetailSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    return tickets.merge(s.actor, request.params.id, request.body.into);
  });

  app.post('/api/v1/tickets/:id/compensation', {
    schema: {
      operationId: 'decideCompensation',
      summary: 'Record a compensation decision on an escalated ticket (managers, R6c)',
      params: ticketParamsSchema,
      body: compensationRequestSchema,
      response: { 200: ticketDetailSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    return tickets.command(s.actor, request.params.id, { type: 'compensation', decision: request.body.decision });
  });
}
