import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { availabilityQuerySchema, availabilityResponseSchema, errorResponseSchema, type AvailabilityResponse } from '../../../shared/api/index.ts';
import { availabilityReport } from '../../../shared/outage/index.ts';
import { yearBounds, yearOf } from '../../../shared/sla/index.ts';
import { outageRows, summariesOf } from '../../store/outages.ts';
import { clientsById } from '../../store/users.ts';
import type { AppDeps } from '../app.ts';
import { AGENTS, sessionOf } from '../auth.ts';

/**
 * GET /api/v1/availability (docs/availability.md): the year's downtime against the budget per
 * function group and per client. Agents see everything; a customer sees their client's primary
 * group and their own client only.
 */
export function registerAvailabilityRoute(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { calendar, db, policy } = deps;

  app.get('/api/v1/availability', {
    config: { roles: [...AGENTS, 'customer'] },
    schema: {
      operationId: 'getAvailability',
      summary: 'Downtime, budget, uptime, overlong and excluded outages of a year (default the current one in the support zone), per group and per client; customers get their own',
      querystring: availabilityQuerySchema,
      response: { 200: availabilityResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema },
    },
  }, async (request): Promise<AvailabilityResponse> => {
    const now = deps.now();
    const year = request.query.year ?? yearOf(now, calendar.zone);
    const { yearStart, yearEnd } = yearBounds(year, calendar.zone);
    const rows = await outageRows(db.kysely, { span: { from: yearStart, to: yearEnd } });
    const outages = await summariesOf(db.kysely, rows, policy);
    const clients = [...(await clientsById(db.kysely)).values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    const report = availabilityReport(outages, clients, { year, now, zone: calendar.zone, policy });
    const { user } = sessionOf(request);
    if (user.kind === 'agent') return report;
    return {
      ...report,
      groups: report.groups.filter((g) => g.group === user.client.primaryGroup),
      clients: report.clients.filter((c) => c.client.id === user.client.id),
    };
  });
}
