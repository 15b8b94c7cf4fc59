import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponseSchema, sessionResponseSchema, setupRequestSchema } from '../../../shared/api/index.ts';
import type { AppDeps } from '../app.ts';

/** POST /api/v1/setup: the first start, with the code from the service's log (public: nobody can sign in yet). */
export function registerSetupRoute(root: FastifyInstance, deps: AppDeps): void {
  root.withTypeProvider<ZodTypeProvider>().post('/api/v1/setup', {
    config: { public: true },
    schema: {
      operationId: 'setUp',
      summary: 'First start: with the one-time code from the service log, name the organisation and create the first admin (signed in); once only',
      security: [],
      body: setupRequestSchema,
      response: { 201: sessionResponseSchema, 400: errorResponseSchema, 403: errorResponseSchema, 409: errorResponseSchema, 429: errorResponseSchema },
    },
  }, async (request, reply) => reply.code(201).send(await deps.setup.complete(request.body, request.headers['user-agent'])));
}
