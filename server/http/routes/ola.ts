import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponseSchema, olaReportQuerySchema, olaReportSchema, olaTargetsRequestSchema, olaTargetsResponseSchema } from '../../../shared/api/index.ts';
import { ADMINISTRATION_READERS, ADMINISTRATORS } from '../../../shared/auth/roles.ts';
import type { OlaService } from '../../domain/ola-service.ts';
import { AGENTS, sessionOf } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 413: errorResponseSchema };

/** /api/v1/ola (docs/ola.md): internal per-tier targets; agents read them, admins set them, managers and admins read the report. */
export function registerOlaRoutes(root: FastifyInstance, deps: { readonly ola: OlaService }): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { ola } = deps;

  app.get('/api/v1/ola/targets', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'getOlaTargets',
      summary: "Each tier's internal target in working minutes (null: none); internal, never shown to customers (agents)",
      response: { 200: olaTargetsResponseSchema, ...errors },
    },
  }, async () => ({ targets: await ola.targets() }));

  app.put('/api/v1/ola/targets', {
    config: { roles: ADMINISTRATORS },
    schema: {
      operationId: 'replaceOlaTargets',
      summary: 'Replace every tier\'s internal target (admins): all five tiers, each 1-43200 working minutes or null; 400 names the field and changes nothing; audited',
      body: olaTargetsRequestSchema,
      response: { 200: olaTargetsResponseSchema, ...errors },
    },
  }, async (request) => ({ targets: await ola.replace(sessionOf(request).actor, request.body.targets) }));

  app.get('/api/v1/ola/report', {
    config: { roles: ADMINISTRATION_READERS },
    schema: {
      operationId: 'getOlaReport',
      summary: 'Per tier, arrivals in [from, to): answered in time, late, still running, and the median working minutes to the answer (managers and admins)',
      querystring: olaReportQuerySchema,
      response: { 200: olaReportSchema, ...errors },
    },
  }, async (request) => ola.report(request.query.from, request.query.to));
}
