import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOverrideRequestSchema,
  errorResponseSchema,
  onCallQuerySchema,
  onCallResponseSchema,
  overrideListQuerySchema,
  overrideListResponseSchema,
  overrideParamsSchema,
  overrideSchema,
  scheduleSchema,
} from '../../../shared/api/index.ts';
import type { AppDeps } from '../app.ts';
import { AGENTS, sessionOf, type Audience } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 413: errorResponseSchema };
/** Who edits the roster. */
const EDITORS: readonly Audience[] = ['manager', 'admin'];

/** The on-call roster: every agent reads it; managers and admins edit it. */
export function registerOnCallRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { oncall } = deps;

  app.get('/api/v1/oncall', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'getOnCall',
      summary: 'Who is on call at `at` (default now), until when, and the segments of the next 14 days (agents only)',
      querystring: onCallQuerySchema,
      response: { 200: onCallResponseSchema, ...errors },
    },
  }, async (request) => oncall.at(request.query.at));

  app.get('/api/v1/oncall/schedule', {
    config: { roles: AGENTS },
    schema: { operationId: 'getOnCallSchedule', summary: 'The weekly rotation of each layer (agents only)', response: { 200: scheduleSchema, ...errors } },
  }, async () => oncall.schedule());

  app.put('/api/v1/oncall/schedule', {
    config: { roles: EDITORS },
    schema: {
      operationId: 'setOnCallSchedule',
      summary: 'Replace the weekly rotations (managers and admins); unknown agents are a 400',
      body: scheduleSchema,
      response: { 200: scheduleSchema, ...errors },
    },
  }, async (request) => oncall.setSchedule(sessionOf(request).actor, request.body));

  app.get('/api/v1/oncall/overrides', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'listOnCallOverrides',
      summary: 'Overrides overlapping [from, to), by start (agents only)',
      querystring: overrideListQuerySchema,
      response: { 200: overrideListResponseSchema, ...errors },
    },
  }, async (request) => ({ overrides: await oncall.overrides(request.query.from, request.query.to) }));

  app.post('/api/v1/oncall/overrides', {
    config: { roles: EDITORS },
    schema: {
      operationId: 'addOnCallOverride',
      summary: 'An agent covers a layer over [from, to) (managers and admins); 409 when it overlaps another override of that layer',
      body: createOverrideRequestSchema,
      response: { 201: overrideSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(await oncall.addOverride(sessionOf(request).actor, request.body)));

  app.delete('/api/v1/oncall/overrides/:id', {
    config: { roles: EDITORS },
    schema: {
      operationId: 'removeOnCallOverride',
      summary: 'Remove an override (managers and admins)',
      params: overrideParamsSchema,
      response: { 204: z.undefined(), ...errors },
    },
  }, async (request, reply) => {
    await oncall.removeOverride(sessionOf(request).actor, request.params.id);
    return reply.code(204).send();
  });
}
