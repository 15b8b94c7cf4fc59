import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  cannedReplyDeletedResponseSchema,
  cannedReplyListQuerySchema,
  cannedReplyListResponseSchema,
  cannedReplyParamsSchema,
  cannedReplyResponseSchema,
  createCannedReplyRequestSchema,
  errorResponseSchema,
  updateCannedReplyRequestSchema,
} from '../../../shared/api/index.ts';
import { CANNED_REPLY_EDITORS } from '../../../shared/auth/roles.ts';
import type { CannedService } from '../../domain/canned-service.ts';
import { AGENTS, sessionOf, type Audience } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 413: errorResponseSchema };
// The console's editor asks the same list (shared/auth/roles.ts).
const EDITORS: readonly Audience[] = CANNED_REPLY_EDITORS;

/** /api/v1/canned-replies (docs/canned-replies.md): every agent reads them; admins and managers change them. */
export function registerCannedRoutes(root: FastifyInstance, deps: { readonly canned: CannedService }): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { canned } = deps;

  app.get('/api/v1/canned-replies', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'listCannedReplies',
      summary: "Canned replies, unfilled, by language, every-team first, then title; `tier` gives that team's and the every-team ones (agents)",
      querystring: cannedReplyListQuerySchema,
      response: { 200: cannedReplyListResponseSchema, ...errors },
    },
  }, async (request) => ({ replies: await canned.list(request.query) }));

  app.post('/api/v1/canned-replies', {
    config: { roles: EDITORS },
    schema: {
      operationId: 'createCannedReply',
      summary: 'Create a canned reply (managers and admins); 400 names any placeholder other than {customer}, {ticket}, {supportHours}, {agent}',
      body: createCannedReplyRequestSchema,
      response: { 201: cannedReplyResponseSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send({ reply: await canned.create(sessionOf(request).actor, request.body) }));

  app.patch('/api/v1/canned-replies/:id', {
    config: { roles: EDITORS },
    schema: {
      operationId: 'updateCannedReply',
      summary: 'Edit a canned reply\'s title, body, language or team (managers and admins); 400 names unknown placeholders; 404 no such reply',
      params: cannedReplyParamsSchema,
      body: updateCannedReplyRequestSchema,
      response: { 200: cannedReplyResponseSchema, ...errors },
    },
  }, async (request) => ({ reply: await canned.update(sessionOf(request).actor, request.params.id, request.body) }));

  app.delete('/api/v1/canned-replies/:id', {
    config: { roles: EDITORS },
    schema: {
      operationId: 'deleteCannedReply',
      summary: 'Delete a canned reply (managers and admins); the admin audit keeps its text; 404 no such reply',
      params: cannedReplyParamsSchema,
      response: { 200: cannedReplyDeletedResponseSchema, ...errors },
    },
  }, async (request) => canned.remove(sessionOf(request).actor, request.params.id));
}
