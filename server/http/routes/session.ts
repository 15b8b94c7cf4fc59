import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentListResponseSchema, clockResponseSchema, errorResponseSchema, loginRequestSchema, meResponseSchema, sessionResponseSchema } from '../../../shared/api/index.ts';
import { supportClock } from '../../../shared/sla/index.ts';
import { forbidden } from '../../domain/errors.ts';
import { listAgents } from '../../store/users.ts';
import type { AppDeps } from '../app.ts';
import { requireSession } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema };

/** Sessions, the support clock and the agent directory. */
export function registerSessionRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { sessions } = deps;

  app.get('/api/v1/clock', {
    schema: { summary: "The support team's clock (R9): time, zone, working time and day, next opening", security: [], response: { 200: clockResponseSchema } },
  }, async () => supportClock(deps.calendar, deps.now()));

  app.post('/api/v1/session', {
    schema: { summary: 'Sign in with login and password; returns a bearer token', security: [], body: loginRequestSchema, response: { 200: sessionResponseSchema, ...errors } },
  }, async (request) => sessions.login(request.body.login, request.body.password));

  app.get('/api/v1/session', {
    schema: { summary: 'Who the token belongs to', response: { 200: meResponseSchema, ...errors } },
  }, async (request) => {
    const s = await requireSession(sessions, request);
    return { user: s.user, expiresAt: s.expiresAt };
  });

  app.delete('/api/v1/session', {
    schema: { summary: 'Sign out: the token stops working', response: { 204: z.undefined(), ...errors } },
  }, async (request, reply) => {
    await sessions.logout(await requireSession(sessions, request));
    return reply.code(204).send();
  });

  app.get('/api/v1/agents', {
    schema: { summary: 'Every agent with role and tiers (agents only)', response: { 200: agentListResponseSchema, ...errors } },
  }, async (request) => {
    const s = await requireSession(sessions, request);
    if (s.actor.kind !== 'agent') throw forbidden('the agent directory is for agents');
    const agents = await listAgents(deps.db.kysely);
    return { agents: agents.map((a) => ({ id: a.id, login: a.login, name: a.name, role: a.role, tiers: [...a.tiers] })) };
  });
}
