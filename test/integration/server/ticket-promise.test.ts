/**
 * The promise the portal shows before a ticket is filed (shared/sla/promise.ts) against the SLA the
 * real service gives the ticket filed at that instant, on SQLite and PostgreSQL: the portal counts
 * on the calendar GET /api/v1/clock reports, exactly as it does in the browser.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar, slaPromise, TICKET_KINDS, type CalendarConfig, type TicketKind } from '../../../shared/sla/index.ts';
import { engines, useTestService } from '../../support/service.ts';
import { at } from '../../support/time.ts';

// A holiday, a Friday evening before a weekend, the DST change in Kyiv, in and out of hours.
const calendar: Partial<CalendarConfig> = { holidays: ['2026-12-31'] };
const instants = ['2026-11-25 10:00', '2026-11-25 17:55', '2026-11-27 19:30', '2026-11-28 03:00', '2026-12-30 17:45', '2026-10-24 23:59', '2026-03-29 03:30'];

describe.each(engines())('the promise of a new ticket is the SLA the service starts (%s)', (engine) => {
  const t = useTestService(engine, { service: { calendar: createCalendar(calendar) } });

  it.each(instants)('at %s, for every kind', async (local) => {
    t.clock.set(at(local));
    // A session of its own at each instant: the clock jumps further than a session lives.
    const session = await t.request('POST', '/api/v1/session', { body: { login: 'alpha.user', password: 'demo' } });
    const token = session.body.token as string;
    const clock = await t.request('GET', '/api/v1/clock');
    expect(clock.status).toBe(200);
    const supportCalendar = createCalendar(clock.body.calendar as CalendarConfig);
    for (const kind of TICKET_KINDS satisfies readonly TicketKind[]) {
      const promised = slaPromise(kind, clock.body.now as number, { calendar: supportCalendar });
      const r = await t.request('POST', '/api/v1/tickets', { token, body: { kind, subject: `${kind} at ${local}`, body: 'x' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect({ kind, dueAt: r.body.ticket.sla.dueAt, ticking: r.body.ticket.sla.ticking }).toEqual({ kind, dueAt: promised.dueAt, ticking: promised.calendar === 'continuous' || promised.workingNow });
      expect(r.body.ticket.sla.clocks[0].target).toBe(promised.target);
    }
  });
});
