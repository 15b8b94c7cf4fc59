import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agentListResponseSchema,
  changePasswordRequestSchema,
  changePasswordResponseSchema,
  clockResponseSchema,
  endSessionsResponseSchema,
  errorResponseSchema,
  loginRequestSchema,
  meResponseSchema,
  otherSessionParamsSchema,
  otherSessionsResponseSchema,
  sessionResponseSchema,
} from '../../../shared/api/index.ts';
import { supportClock } from '../../../shared/sla/index.ts';
import { listAdminAgents } from '../../store/people.ts';
import type { AppDeps } from '../app.ts';
import { AGENTS, sessionOf } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema };

/** Sessions, the support clock and the agent directory. */
export function registerSessionRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { sessions } = deps;

  app.get('/api/v1/clock', {
    config: { public: true },
    schema: { operationId: 'getClock', summary: "The support team's clock (R9): time, zone, working time and day, next opening", security: [], response: { 200: clockResponseSchema, 400: errorResponseSchema } },
  }, async () => {
    // A calendar stored without an event (first start from `npm run admin`) shows at once.
    await deps.calendars.refresh();
    return supportClock(deps.calendar, deps.now());
  });

  app.post('/api/v1/session', {
    config: { public: true },
    schema: { operationId: 'signIn', summary: 'Sign in with login and password; returns a bearer token', security: [], body: loginRequestSchema, response: { 200: sessionResponseSchema, ...errors } },
  }, async (request) => sessions.login(request.body.login, request.body.password, request.headers['user-agent']));

  app.get('/api/v1/session', {
    config: { allowWithTemporaryPassword: true },
    schema: { operationId: 'getSession', summary: 'Who the token belongs to', response: { 200: meResponseSchema, ...errors } },
  }, async (request) => {
    const s = sessionOf(request);
    return { user: s.user, expiresAt: s.expiresAt, mustChangePassword: s.mustChangePassword };
  });

  app.delete('/api/v1/session', {
    config: { allowWithTemporaryPassword: true },
    schema: { operationId: 'signOut', summary: 'Sign out: the token stops working', response: { 204: z.undefined(), ...errors } },
  }, async (request, reply) => {
    await sessions.logout(sessionOf(request));
    return reply.code(204).send();
  });

  app.post('/api/v1/session/password', {
    config: { allowWithTemporaryPassword: true },
    schema: {
      operationId: 'changeOwnPassword',
      summary: 'Change your own password: current, and next (at least 10 characters, not the login); every other session of yours ends, this one goes on',
      body: changePasswordRequestSchema,
      response: { 200: changePasswordResponseSchema, ...errors },
    },
  }, async (request) => {
    const { current, next } = request.body;
    return sessions.changePassword(sessionOf(request), current, next);
  });

  app.get('/api/v1/session/others', {
    schema: { operationId: 'listOtherSessions', summary: 'Your other unexpired sessions, most recently used first', response: { 200: otherSessionsResponseSchema, ...errors } },
  }, async (request) => ({ sessions: await sessions.others(sessionOf(request)) }));

  app.delete('/api/v1/session/others', {
    schema: { operationId: 'endOtherSessions', summary: 'End every other session of yours (their event sockets close)', response: { 200: endSessionsResponseSchema, ...errors } },
  }, async (request) => ({ ended: await sessions.endOthers(sessionOf(request)) }));

  app.delete('/api/v1/session/others/:id', {
    schema: {
      operationId: 'endOtherSession',
      summary: 'End one other session of yours',
      params: otherSessionParamsSchema,
      response: { 204: z.undefined(), ...errors, 404: errorResponseSchema },
    },
  }, async (request, reply) => {
    await sessions.endOthers(sessionOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/agents', {
    config: { roles: AGENTS },
    schema: { operationId: 'listAgents', summary: 'Every agent with role, tiers and whether active (agents only)', response: { 200: agentListResponseSchema, ...errors } },
  }, async () => {
    const agents = await listAdminAgents(deps.db.kysely, 'all');
    return { agents: agents.map((a) => ({ id: a.id, login: a.login, name: a.name, role: a.role, tiers: [...a.tiers], active: a.active })) };
  });
}
