import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { calendarRequestSchema, calendarSchema, errorResponseSchema } from '../../../shared/api/index.ts';
import type { AppDeps } from '../app.ts';
import { AGENTS, sessionOf, type Audience } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 413: errorResponseSchema };
/** Who edits the support calendar. */
const EDITORS: readonly Audience[] = ['admin'];

/** The support calendar (R7): every agent reads it; admins replace it. */
export function registerCalendarRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { calendars } = deps;

  app.get('/api/v1/admin/calendar', {
    config: { roles: AGENTS },
    schema: {
      operationId: 'getCalendar',
      summary: 'The support calendar in force: zone, hours, working weekdays, holidays and extra working days (agents only)',
      response: { 200: calendarSchema, ...errors },
    },
  }, async () => {
    await calendars.refresh();
    return calendars.current();
  });

  app.put('/api/v1/admin/calendar', {
    config: { roles: EDITORS },
    schema: {
      operationId: 'setCalendar',
      summary:
        'Replace the support calendar from now on (admins): in one transaction it is stored, the due time of every running clock is recomputed on it (time already worked stays worked; stopped and breached clocks never change), the change is audited and a calendar.changed event goes to everyone',
      body: calendarRequestSchema,
      response: { 200: calendarSchema, ...errors },
    },
  }, async (request) => (await calendars.change(sessionOf(request).actor, request.body)).calendar);
}
