/**
 * The editable support calendar over HTTP, on SQLite and PostgreSQL (R7, issue 10): GET/PUT
 * /api/v1/admin/calendar, the recomputation of running clocks, refusals, and the calendar.changed
 * event for agents and customers alike.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_CONFIG, type CalendarConfig } from '../../../shared/sla/index.ts';
import { putSetting } from '../../../server/store/settings.ts';
import { engines, useTestService, type TestService } from '../../support/service.ts';
import { at } from '../../support/time.ts';

const TODAY = '2026-11-25'; // a Wednesday
const holidayToday: CalendarConfig = { ...DEFAULT_CALENDAR_CONFIG, holidays: [TODAY] };

/** What the suite reads back of a ticket: its SLA as the API reports it. */
interface TicketSla {
  readonly id: number;
  readonly sla: { state: string; dueAt: number | null; ticking: boolean; clocks: { target: string; dueAt: number; warnAt: number; stoppedAt: number | null; breached: boolean }[] };
}

function helpers(t: TestService) {
  const as = (login: string) => t.login(login);
  return {
    as,
    /** Files a ticket as `customer` at the Kyiv wall time `local`. */
    async file(local: string, customer = 'alpha.user', kind = 'problem'): Promise<number> {
      t.clock.set(at(local));
      const r = await t.request('POST', '/api/v1/tickets', { token: await as(customer), body: { kind, subject: `filed ${local}`, body: 'x' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.ticket.id as number;
    },
    async act(local: string, login: string, path: string, body?: unknown): Promise<void> {
      t.clock.set(at(local));
      const r = await t.request('POST', path, { token: await as(login), body });
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    },
    async ticket(id: number): Promise<TicketSla> {
      const r = await t.request('GET', `/api/v1/tickets/${id}`, { token: await as('anna') });
      expect(r.status).toBe(200);
      return r.body.ticket as TicketSla;
    },
    async put(login: string, body: unknown) {
      return t.request('PUT', '/api/v1/admin/calendar', { token: await as(login), body });
    },
    async queue(): Promise<number[]> {
      const r = await t.request('GET', '/api/v1/tickets?view=queue', { token: await as('sofia') });
      return (r.body.tickets as { id: number }[]).map((x) => x.id);
    },
    async clocksOf(id: number) {
      return (await t.db.kysely.selectFrom('sla_clocks').selectAll().where('ticket_id', '=', id).orderBy('idx').execute()).map((c) => ({
        due: Number(c.due_at),
        warn: Number(c.warn_at),
        stopped: c.stopped_at === null ? null : Number(c.stopped_at),
        warned: c.warned_at === null ? null : Number(c.warned_at),
        breached: c.breached_at === null ? null : Number(c.breached_at),
      }));
    },
    async storedDue(id: number) {
      const row = await t.db.kysely.selectFrom('tickets').select(['sla_state', 'sla_due_at']).where('id', '=', id).executeTakeFirstOrThrow();
      return { state: row.sla_state, dueAt: row.sla_due_at === null ? null : Number(row.sla_due_at) };
    },
    async count(table: 'events' | 'calendar_history' | 'admin_audit' | 'service_settings') {
      return Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    },
  };
}

describe.each(engines())('support calendar on %s', (engine) => {
  describe('today becomes a holiday at 17:40', () => {
    const t = useTestService(engine);

    it('recomputes every running clock in one go: due 17:50 today becomes due 09:10 tomorrow, the queue follows, stopped and breached clocks stay', async () => {
      const h = helpers(t);
      // B: received at 10:00, nobody reacted: breached at 10:20 (the scheduler has claimed it).
      const b = await h.file(`${TODAY} 10:00`, 'beta.user');
      t.clock.set(at(`${TODAY} 10:30`));
      await t.service.scheduler.runDue();
      // C: received at 17:00, taken at 17:05: met, stopped.
      const c = await h.file(`${TODAY} 17:00`, 'gamma.user');
      await h.act(`${TODAY} 17:05`, 'anna', `/api/v1/tickets/${c}/take`);
      // D: a question at 17:10, 60 working minutes: 50 today, 10 tomorrow.
      const d = await h.file(`${TODAY} 17:10`, 'gamma.user', 'question');
      // A: the ticket, received at 17:30, due 17:50.
      const a = await h.file(`${TODAY} 17:30`);
      // E: received 17:35 and escalated at 17:38: its round-the-clock escalation clock is due 17:58 (R25).
      const e = await h.file(`${TODAY} 17:35`, 'beta.user');
      await h.act(`${TODAY} 17:38`, 'beta.user', `/api/v1/tickets/${e}/escalate`, { justification: 'Every inbound line is silent since 17:30.' });
      expect((await h.ticket(a)).sla.dueAt).toBe(at(`${TODAY} 17:50`));
      expect((await h.ticket(d)).sla.dueAt).toBe(at('2026-11-26 09:10'));
      expect((await h.ticket(e)).sla.dueAt).toBe(at(`${TODAY} 17:55`));
      const queueBefore = (await h.queue()).filter((id) => [a, b, c, d, e].includes(id));
      expect(queueBefore).toEqual([b, a, e, d, c]);
      const stoppedBefore = { b: await h.clocksOf(b), c: await h.clocksOf(c) };
      const apiBefore = { b: (await h.ticket(b)).sla.clocks, c: (await h.ticket(c)).sla.clocks };

      const agentSocket = await t.events(await h.as('anna'));
      const customerSocket = await t.events(await h.as('gamma.user'));
      t.clock.set(at(`${TODAY} 17:40`));
      const r = await h.put('admin', holidayToday);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toEqual(holidayToday);

      // The case: 10 minutes were worked before the change, the other 10 run tomorrow from 09:00.
      const afterA = await h.ticket(a);
      expect(afterA.sla).toMatchObject({ state: 'running', dueAt: at('2026-11-26 09:10'), ticking: false });
      expect(await h.storedDue(a)).toEqual({ state: 'running', dueAt: at('2026-11-26 09:10') });
      expect(await h.clocksOf(a)).toEqual([{ due: at('2026-11-26 09:10'), warn: at('2026-11-26 09:05'), stopped: null, warned: null, breached: null }]);
      // D: 30 minutes worked today, 30 left.
      expect((await h.ticket(d)).sla.dueAt).toBe(at('2026-11-26 09:30'));
      expect(await h.storedDue(d)).toEqual({ state: 'running', dueAt: at('2026-11-26 09:30') });
      // E: its regular clock moved to tomorrow 09:15; the escalation clock runs round the clock, so E is now due first.
      expect((await h.ticket(e)).sla.dueAt).toBe(at(`${TODAY} 17:58`));
      expect((await h.ticket(e)).sla.clocks.map((x) => x.dueAt)).toEqual([at('2026-11-26 09:15'), at(`${TODAY} 17:58`)]);
      expect((await h.queue()).filter((id) => [a, b, c, d, e].includes(id))).toEqual([b, e, a, d, c]);
      // Stopped and breached clocks: not a field changed, in the table or in the API.
      expect({ b: await h.clocksOf(b), c: await h.clocksOf(c) }).toEqual(stoppedBefore);
      expect({ b: (await h.ticket(b)).sla.clocks, c: (await h.ticket(c)).sla.clocks }).toEqual(apiBefore);
      expect((await h.ticket(b)).sla).toMatchObject({ state: 'breached', dueAt: at(`${TODAY} 10:20`) });

      // Everyone signed in hears of it, the customer too, with no ticket attached.
      for (const socket of [agentSocket, customerSocket]) {
        const event = await socket.next((x) => x.type === 'calendar.changed', 'calendar.changed');
        expect(event).toMatchObject({ type: 'calendar.changed', ticketId: null, ticket: null, at: at(`${TODAY} 17:40`), data: { calendar: holidayToday, effectiveAt: at(`${TODAY} 17:40`) } });
      }
      // The support clock says so at once (R9).
      const clock = (await t.request('GET', '/api/v1/clock')).body;
      expect(clock).toMatchObject({ isWorkingTime: false, isWorkingDay: false, nextOpening: at('2026-11-26 09:00'), calendar: holidayToday });
      expect((await t.request('GET', '/api/v1/admin/calendar', { token: await h.as('anna') })).body).toEqual(holidayToday);
      // The admin audit log has who, when, from what to what.
      const audit = await t.db.kysely.selectFrom('admin_audit').selectAll().where('target_kind', '=', 'calendar').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'calendar_changed', actor_id: t.people.users.get('admin'), at: at(`${TODAY} 17:40`) });
      expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ from: DEFAULT_CALENDAR_CONFIG, to: holidayToday, effectiveAt: at(`${TODAY} 17:40`), recomputed: 3 });

      // The scheduler follows the stored due times: nothing breaches at 17:50; A breaches at 09:10 tomorrow.
      t.clock.set(at(`${TODAY} 17:55`));
      await t.service.scheduler.runDue();
      expect((await h.clocksOf(a))[0]?.breached).toBeNull();
      t.clock.set(at('2026-11-26 09:10'));
      await t.service.scheduler.runDue();
      expect((await h.clocksOf(a))[0]?.breached).toBe(at('2026-11-26 09:10'));
    });

    it('sending the calendar in force again changes nothing: no history, event or audit entry', async () => {
      const h = helpers(t);
      const before = { events: await h.count('events'), history: await h.count('calendar_history'), audit: await h.count('admin_audit') };
      const r = await h.put('admin', { ...holidayToday, workdays: [5, 4, 3, 2, 1, 1] });
      expect(r.status).toBe(200);
      expect(r.body).toEqual(holidayToday);
      expect({ events: await h.count('events'), history: await h.count('calendar_history'), audit: await h.count('admin_audit') }).toEqual(before);
    });
  });

  describe('a change never makes a clock due before it was made', () => {
    const t = useTestService(engine);

    it('a Saturday made a working day at noon: the ticket received at 03:00 is due at 12:20, not at 03:20', async () => {
      const h = helpers(t);
      const id = await h.file('2026-11-28 03:00');
      expect((await h.ticket(id)).sla.dueAt).toBe(at('2026-11-30 09:20'));
      t.clock.set(at('2026-11-28 12:00'));
      expect((await h.put('admin', { ...DEFAULT_CALENDAR_CONFIG, extraWorkdays: ['2026-11-28'] })).status).toBe(200);
      expect((await h.ticket(id)).sla).toMatchObject({ state: 'running', dueAt: at('2026-11-28 12:20'), ticking: true });
      expect(await h.clocksOf(id)).toEqual([{ due: at('2026-11-28 12:20'), warn: at('2026-11-28 12:15'), stopped: null, warned: null, breached: null }]);
      // A new ticket counts on the new calendar from its receipt.
      expect((await h.ticket(await h.file('2026-11-28 13:00'))).sla.dueAt).toBe(at('2026-11-28 13:20'));
    });
  });

  describe('a calendar stored by another process (the first start through `npm run admin -- setup`)', () => {
    const t = useTestService(engine);

    it('is in force at once: the support clock, the calendar route and new tickets', async () => {
      const h = helpers(t);
      t.clock.set(at(`${TODAY} 12:00`));
      // Written straight into the database, with no event: as the command-line setup does while the service runs.
      const warsaw: CalendarConfig = { zone: 'Europe/Warsaw', open: '08:00', close: '16:00', workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [] };
      await putSetting(t.db.kysely, 'calendar', warsaw, null, at(`${TODAY} 12:00`));
      expect((await t.request('GET', '/api/v1/clock')).body).toMatchObject({ zone: 'Europe/Warsaw', calendar: warsaw });
      expect((await t.request('GET', '/api/v1/admin/calendar', { token: await h.as('anna') })).body).toEqual(warsaw);
      // 15:50 in Warsaw is 16:50 in Kyiv: 10 minutes today, 10 from 08:00 Warsaw (09:00 Kyiv) tomorrow.
      expect((await h.ticket(await h.file(`${TODAY} 16:50`))).sla.dueAt).toBe(at('2026-11-26 09:10'));
    });
  });

  describe('refusals', () => {
    const t = useTestService(engine);

    it.each([
      [{ ...DEFAULT_CALENDAR_CONFIG, zone: 'Mars/Olympus_Mons' }, 'body.zone', /IANA time zone/],
      [{ ...DEFAULT_CALENDAR_CONFIG, open: '18:00', close: '09:00' }, 'body.close', /open must be earlier than close/],
      [{ ...DEFAULT_CALENDAR_CONFIG, open: '9:00' }, 'body.open', /HH:mm/],
      [{ ...DEFAULT_CALENDAR_CONFIG, workdays: [] }, 'body.workdays', /at least one working weekday/],
      [{ ...DEFAULT_CALENDAR_CONFIG, workdays: [1, 8] }, 'body.workdays.1', /./],
      [{ ...DEFAULT_CALENDAR_CONFIG, holidays: ['2026-02-30'] }, 'body.holidays.0', /calendar date/],
      [{ ...DEFAULT_CALENDAR_CONFIG, extraWorkdays: ['28.11.2026'] }, 'body.extraWorkdays.0', /YYYY-MM-DD/],
      [{ ...DEFAULT_CALENDAR_CONFIG, timezone: 'UTC' }, 'body.timezone', /unknown field/],
      [{ zone: 'Europe/Kyiv' }, 'body.open', /required/],
    ])('refuses %j with a 400 naming %s, and changes nothing', async (body, field, message) => {
      const h = helpers(t);
      const id = await h.file('2026-11-25 17:30');
      const before = { events: await h.count('events'), history: await h.count('calendar_history'), settings: await h.count('service_settings'), audit: await h.count('admin_audit') };
      const r = await h.put('admin', body);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: 'bad_request', field });
      expect(r.body.message).toMatch(message);
      expect({ events: await h.count('events'), history: await h.count('calendar_history'), settings: await h.count('service_settings'), audit: await h.count('admin_audit') }).toEqual(before);
      expect((await t.request('GET', '/api/v1/admin/calendar', { token: await h.as('admin') })).body).toEqual(DEFAULT_CALENDAR_CONFIG);
      expect((await h.ticket(id)).sla.dueAt).toBe(at('2026-11-25 17:50'));
    });

    it('lets every agent read the calendar and only admins change it', async () => {
      const h = helpers(t);
      for (const login of ['anna', 'sofia', 'admin']) expect((await t.request('GET', '/api/v1/admin/calendar', { token: await h.as(login) })).status).toBe(200);
      expect((await t.request('GET', '/api/v1/admin/calendar', { token: await h.as('alpha.user') })).status).toBe(403);
      expect((await t.request('GET', '/api/v1/admin/calendar')).status).toBe(401);
      for (const login of ['anna', 'sofia', 'alpha.user']) {
        const r = await h.put(login, holidayToday);
        expect(r.status).toBe(403);
        expect(r.body).toMatchObject({ error: 'forbidden', message: 'PUT /api/v1/admin/calendar is for admin only' });
      }
      expect((await t.request('PUT', '/api/v1/admin/calendar', { body: holidayToday })).status).toBe(401);
      expect(await h.count('calendar_history')).toBe(0);
      expect((await t.request('GET', '/api/v1/clock')).body.calendar).toEqual(DEFAULT_CALENDAR_CONFIG);
    });
  });
});
