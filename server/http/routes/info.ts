import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponseSchema, infoResponseSchema } from '../../../shared/api/index.ts';
import { demoLogins } from '../../demo/people.ts';
import type { AppDeps } from '../app.ts';

/** The service's version, whether it waits for setup, the organisation, and the demo logins when it runs with demo data (for the login screen). */
export function registerInfoRoute(root: FastifyInstance, deps: AppDeps): void {
  root.withTypeProvider<ZodTypeProvider>().get('/api/v1/info', {
    config: { public: true },
    schema: { operationId: 'getInfo', summary: 'What this service is: whether it waits for setup, its organisation, demo logins when it runs with demo data', security: [], response: { 200: infoResponseSchema, 400: errorResponseSchema } },
  }, async () => {
    const status = await deps.setup.status();
    return { name: 'DutyDesk' as const, version: deps.version, demo: deps.demo, clock: deps.clock, demoLogins: deps.demo ? demoLogins() : [], setup: status.waiting, organization: status.organization };
  });
}
