/** Internal per-tier targets (docs/ola.md) over HTTP on SQLite and PostgreSQL: set by admins, on agents' tickets only, reported apart from the SLA. */
import { describe, expect, it } from 'vitest';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Monday 2026-11-30 10:00 in Kyiv: working time (09:00-18:00).
const MONDAY_10 = Date.parse('2026-11-30T08:00:00Z');
const TARGETS = { l1: null, 'l2-analysts': 240, 'l2-methodologists': 240, l3: 480, l4: 960 };

describe.each(engines())('internal targets on %s', (engine) => {
  const t = useTestService(engine);

  const call = async (login: string, method: string, path: string, body?: unknown) => t.request(method, path, { token: await t.login(login), body });
  const file = async (subject: string, login = 'alpha.user', kind = 'problem') => {
    const r = await call(login, 'POST', '/api/v1/tickets', { kind, subject, body: 'It does not work.' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket.id as number;
  };
  const act = async (login: string, id: number, action: string, body?: unknown) => {
    const r = await call(login, 'POST', `/api/v1/tickets/${id}/${action}`, body);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const ola = async (login: string, id: number) => (await call(login, 'GET', `/api/v1/tickets/${id}`)).body.ticket.ola;
  const put = (login: string, targets: unknown) => call(login, 'PUT', '/api/v1/ola/targets', { targets });

  it('admins set each tier\'s target; every agent reads them; the admin audit records the change', async () => {
    expect((await call('olga', 'GET', '/api/v1/ola/targets')).body).toEqual({ targets: { l1: null, 'l2-analysts': null, 'l2-methodologists': null, l3: null, l4: null } });
    const r = await put('admin', TARGETS);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ targets: TARGETS });
    expect((await call('anna', 'GET', '/api/v1/ola/targets')).body).toEqual({ targets: TARGETS });
    const audit = await call('admin', 'GET', '/api/v1/admin/audit?action=ola_targets_changed');
    expect(audit.body.entries[0]).toMatchObject({ action: 'ola_targets_changed', actor: { name: 'Administrator' }, detail: { to: TARGETS } });
  });

  it('refuses bad targets with a 400 naming the field, and changes nothing', async () => {
    await put('admin', TARGETS);
    const cases: [unknown, RegExp][] = [
      [{ ...TARGETS, l3: 0 }, /l3/],
      [{ ...TARGETS, l4: 43_201 }, /l4/],
      [{ ...TARGETS, 'l2-analysts': 1.5 }, /l2-analysts/],
      [{ ...TARGETS, l1: '60' }, /l1/],
      [{ ...TARGETS, escalation: 60 }, /escalation/],
      [{ l1: null, 'l2-analysts': 240 }, /l2-methodologists/],
    ];
    for (const [targets, field] of cases) {
      const r = await put('admin', targets);
      expect(r.status, JSON.stringify(targets)).toBe(400);
      expect(r.body.message).toMatch(field);
    }
    expect((await call('anna', 'GET', '/api/v1/ola/targets')).body).toEqual({ targets: TARGETS });
    expect((await put('sofia', { ...TARGETS, l3: 60 })).status).toBe(403);
    expect((await call('anna', 'GET', '/api/v1/ola/targets')).body).toEqual({ targets: TARGETS });
  });

  it("runs from the ticket's arrival in a tier with a target to the tier's first answer, for agents only", async () => {
    await put('admin', TARGETS);
    t.clock.set(MONDAY_10);
    const id = await file('Exports fail');
    // L1 has no target: the SLA is its clock.
    expect(await ola('anna', id)).toBeNull();
    await act('anna', id, 'take');
    await act('anna', id, 'messages', { type: 'reply', body: 'Looking into it.' });
    t.clock.advance(30 * MIN);
    await act('anna', id, 'route', { tier: 'l2-analysts', reason: 'needs the server logs' });
    const routedAt = t.clock.now();
    t.clock.advance(HOUR);
    const running = await ola('olga', id);
    expect(running).toEqual({ tier: 'l2-analysts', targetMinutes: 240, startedAt: routedAt, dueAt: routedAt + 4 * HOUR, stoppedAt: null, state: 'running', remainingMs: 3 * HOUR, ticking: true });
    // The same in the list the queue reads.
    const list = await call('olga', 'GET', '/api/v1/tickets?view=tier');
    expect(list.body.tickets.find((x: { id: number }) => x.id === id).ola).toEqual(running);
    // Never to the customer: not in the detail, the list, or a command's answer.
    expect(await ola('alpha.user', id)).toBeNull();
    expect((await call('alpha.user', 'GET', '/api/v1/tickets?view=all')).body.tickets.find((x: { id: number }) => x.id === id).ola).toBeNull();
    expect((await act('alpha.user', id, 'messages', { type: 'reply', body: 'Any news?' })).ticket.ola).toBeNull();
    // A customer's message does not stop it; the analyst's internal note does.
    t.clock.advance(HOUR);
    expect((await ola('olga', id)).state).toBe('running');
    await act('olga', id, 'messages', { type: 'note', body: 'Asked the developers for the logs.' });
    expect(await ola('sofia', id)).toMatchObject({ state: 'met', stoppedAt: routedAt + 2 * HOUR, remainingMs: null, ticking: false });
  });

  it('goes past its due time still running (negative remaining), stops breached, restarts when the ticket moves on, and ends with the ticket', async () => {
    await put('admin', TARGETS);
    t.clock.set(MONDAY_10);
    const id = await file('Reports empty', 'beta.user', 'bug');
    await act('anna', id, 'route', { tier: 'l2-analysts', reason: 'report queries' });
    const routedAt = t.clock.now();
    t.clock.advance(5 * HOUR);
    expect(await ola('olga', id)).toMatchObject({ state: 'running', dueAt: routedAt + 4 * HOUR, remainingMs: -HOUR });
    // Leaving the tier stops its clock; the next tier's starts (L3: 8 working hours), after hours standing still.
    await act('olga', id, 'route', { tier: 'l3', reason: 'a code defect' });
    const atL3 = await ola('dmytro', id);
    expect(atL3).toMatchObject({ tier: 'l3', targetMinutes: 480, startedAt: routedAt + 5 * HOUR, state: 'running', remainingMs: 8 * HOUR });
    // 15:00 + 8 working hours (09:00-18:00) = Tuesday 14:00 Kyiv.
    expect(new Date(atL3.dueAt).toISOString()).toBe('2026-12-01T12:00:00.000Z');
    t.clock.advance(8 * HOUR);
    expect(await ola('dmytro', id)).toMatchObject({ ticking: false, remainingMs: 5 * HOUR });
    await act('dmytro', id, 'take');
    await act('dmytro', id, 'resolve', { reply: 'Fixed in 4.2.' });
    expect(await ola('dmytro', id)).toBeNull();
  });

  it('reports per tier the arrivals of a period: in time, late, still running, and the median working minutes to the answer', async () => {
    await put('admin', TARGETS);
    const day = MONDAY_10 + 24 * HOUR; // Tuesday 10:00
    t.clock.set(day);
    const answered = await file('Answered in time', 'gamma.user');
    const late = await file('Answered late', 'gamma.user');
    const waiting = await file('Still waiting', 'gamma.user');
    for (const id of [answered, late, waiting]) await act('anna', id, 'route', { tier: 'l2-analysts', reason: 'server side' });
    t.clock.advance(HOUR);
    await act('olga', answered, 'messages', { type: 'note', body: 'On it.' });
    t.clock.advance(4 * HOUR);
    await act('olga', late, 'messages', { type: 'question', body: 'Which report?' });
    const r = await call('sofia', 'GET', `/api/v1/ola/report?from=${day}&to=${day + HOUR}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const row = r.body.rows.find((x: { tier: string }) => x.tier === 'l2-analysts');
    expect(row).toEqual({ tier: 'l2-analysts', targetMinutes: 240, arrived: 3, inTime: 1, late: 2, running: 0, medianMinutes: 180 });
    expect(r.body.rows.find((x: { tier: string }) => x.tier === 'l1')).toEqual({ tier: 'l1', targetMinutes: null, arrived: 0, inTime: 0, late: 0, running: 0, medianMinutes: null });
    // Bad periods: 400 naming the field.
    for (const q of [`from=${day}`, `from=${day}&to=${day}`, 'from=x&to=1']) {
      const bad = await call('sofia', 'GET', `/api/v1/ola/report?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body.message).toMatch(/to|from/);
    }
  });
});
