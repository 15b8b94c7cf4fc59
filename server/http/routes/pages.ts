import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyRequestSchema, errorResponseSchema, pageListQuerySchema, pageListResponseSchema, pageParamsSchema, pageResponseSchema } from '../../../shared/api/index.ts';
import type { AppDeps } from '../app.ts';
import { AGENTS, sessionOf } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema };

/** Pages (docs/oncall.md, "Paging"): agents list them; the paged agents or a manager acknowledge. */
export function registerPageRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { paging, tickets } = deps;

  app.get('/api/v1/pages', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'listPages',
      summary: 'Pages, newest first: open (not closed, acknowledged or not; the default) or all',
      querystring: pageListQuerySchema,
      response: { 200: pageListResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
    },
  }, async (request) => ({ pages: await paging.list(deps.db.kysely, request.query.state) }));

  app.post('/api/v1/pages/:id/ack', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'acknowledgePage',
      summary: 'Acknowledge a page: the agents it paged or a manager; stops the escalation, 409 when acknowledged already or closed',
      params: pageParamsSchema,
      body: emptyRequestSchema,
      response: { 200: pageResponseSchema, ...errors },
    },
  }, async (request) => {
    const s = sessionOf(request);
    const page = await tickets.inTransaction(async (tx) => {
      await paging.acknowledge(tx, s.actor, request.params.id);
      return paging.get(tx.trx, request.params.id);
    });
    return { page };
  });
}
