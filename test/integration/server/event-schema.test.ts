/** The published JSON Schema of the event stream describes every message the real service sends, and tells the types apart. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SERVICE_EVENT_TYPES } from '../../../shared/model/index.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../shared/sla/index.ts';
import { SATURDAY_3AM, WORKING_HOURS } from '../../support/clock.ts';
import { aRow } from '../../support/rows.ts';
import { engines, useTestService } from '../../support/service.ts';

const MIN = 60_000;

describe.each(engines())('event stream JSON Schema on %s', (engine) => {
  const t = useTestService(engine);

  it('is linked from the OpenAPI document, served without a token, and validates every type of event the service sends', { timeout: 30_000 }, async () => {
    const stream = (await t.request('GET', '/api/v1/openapi.json')).body['x-event-stream'];
    expect(stream).toMatchObject({ path: '/api/v1/events', protocol: 'websocket' });
    const published = await t.request('GET', stream.messageSchema);
    expect(published.status).toBe(200);
    const validate = new Ajv2020({ strict: false }).compile(published.body);

    t.clock.set(WORKING_HOURS);
    const socket = await t.events(await t.login('sofia'));
    // The customer hears of agents-only events as ticket.updated.
    const customer = await t.events(await t.login('alpha.user'));
    const as = async (login: string) => ({ token: await t.login(login) });
    const filed = await t.request('POST', '/api/v1/tickets', { ...(await as('alpha.user')), body: { kind: 'problem', subject: 'Autodialer stopped', body: 'No calls since 10:00.' } });
    const id = filed.body.ticket.id as number;
    await t.request('POST', `/api/v1/tickets/${id}/messages`, { ...(await as('anna')), body: { type: 'note', body: 'checking the trunk' } });
    t.clock.advance(16 * MIN);
    await t.service.scheduler.runDue(); // sla.warning
    t.clock.advance(5 * MIN);
    await t.service.scheduler.runDue(); // sla.breached
    await t.request('POST', `/api/v1/tickets/${id}/take`, await as('anna'));
    await t.request('POST', `/api/v1/tickets/${id}/route`, { ...(await as('anna')), body: { tier: 'l2-analysts', reason: 'needs the call logs' } });
    await t.request('POST', `/api/v1/tickets/${id}/escalate`, { ...(await as('alpha.user')), body: { justification: 'Our call centre cannot work at all today.' } });
    await socket.next((e) => e.type === 'ticket.escalated' && e.ticketId === id, 'ticket.escalated');
    // An outage declared from this ticket (its events are carried on it): the countdown's alarms, a link, the restore.
    const declared = await t.request('POST', '/api/v1/outages', { ...(await as('anna')), body: { groups: ['autodialer'], summary: 'Dialer down', ticketId: id } });
    const outage = declared.body.outage.id as number;
    await t.service.scheduler.runDue(); // outage.warning: 21 minutes after the receipt
    t.clock.advance(10 * MIN);
    await t.service.scheduler.runDue(); // outage.overlong
    const other = await t.request('POST', '/api/v1/tickets', { ...(await as('alpha.user')), body: { kind: 'problem', subject: 'Dialer down too', body: 'Same here.' } });
    await t.request('POST', `/api/v1/outages/${outage}/tickets`, { ...(await as('anna')), body: { ticketId: other.body.ticket.id } }); // outage.changed
    await t.request('POST', `/api/v1/outages/${outage}/restore`, await as('anna')); // outage.restored
    await socket.next((e) => e.type === 'outage.restored' && e.ticketId === id, 'outage.restored');
    // After hours the customer writes again: a page (to the managers: nobody is on the roster here), its escalation, acknowledgement and close.
    t.clock.set(SATURDAY_3AM);
    await t.request('POST', `/api/v1/tickets/${id}/messages`, { ...(await as('alpha.user')), body: { type: 'reply', body: 'Still nothing at night.' } });
    t.clock.advance(5 * MIN);
    await t.service.scheduler.runDue(); // page.escalated
    const [page] = (await t.request('GET', '/api/v1/pages', await as('sofia'))).body.pages;
    await t.request('POST', `/api/v1/pages/${page.id}/ack`, await as('sofia'));
    await t.request('POST', `/api/v1/tickets/${id}/resolve`, { ...(await as('sofia')), body: { withoutReply: true } });
    await socket.next((e) => e.type === 'page.closed' && e.ticketId === id, 'page.closed');
    // A service-wide event: the admin changes the support calendar (about no ticket).
    const put = await t.request('PUT', '/api/v1/admin/calendar', { ...(await as('admin')), body: { ...DEFAULT_CALENDAR_CONFIG, holidays: ['2027-01-01'] } });
    expect(put.status).toBe(200);
    await socket.next((e) => e.type === 'calendar.changed', 'calendar.changed');
    // Another, for agents only: the admin changes the internal targets.
    const targets = await t.request('PUT', '/api/v1/ola/targets', { ...(await as('admin')), body: { targets: { l1: 30, 'l2-analysts': 120, 'l2-methodologists': null, l3: null, l4: null } } });
    expect(targets.status).toBe(200);
    await socket.next((e) => e.type === 'ola.changed', 'ola.changed');
    // And one for everyone: the admin renames a client, whose customers see its name on their rows.
    const renamed = await t.request('PATCH', `/api/v1/admin/clients/${t.people.clients.get('Alpha') ?? 0}`, { ...(await as('admin')), body: { name: 'Alpha Telecom' } });
    expect(renamed.status).toBe(200);
    await socket.next((e) => e.type === 'names.changed', 'names.changed');
    await customer.next((e) => e.type === 'names.changed', 'names.changed, on the customer\'s socket');

    await customer.next((e) => e.type === 'ticket.updated' && e.ticketId === id, 'ticket.updated');
    const mine = [...socket.received, ...customer.received].filter((e) => e.ticketId === id || e.ticketId === null);
    expect(customer.received.some((e) => e.type === 'ola.changed')).toBe(false);
    expect(new Set(mine.map((e) => e.type))).toEqual(new Set(SERVICE_EVENT_TYPES));
    for (const event of mine) expect({ seq: event.seq, type: event.type, valid: validate(event), errors: validate.errors ?? null }).toMatchObject({ valid: true, errors: null });
    expect(validate({ type: 'stream.live', seq: 0 })).toBe(true);
    expect(validate({ type: 'stream.reset', seq: 7 })).toBe(true);
    // Presence control messages to agents (never stored, no seq).
    expect(validate({ type: 'presence', ticketId: 5, agents: [{ id: 2, name: 'Boris Ivanov', typing: true }] })).toBe(true);
    expect(validate({ type: 'presence.snapshot', tickets: [{ ticketId: 5, agents: [] }] })).toBe(true);
  });

  it('is keyed on type: data of another type, or an unknown type, is refused', async () => {
    const validate = new Ajv2020({ strict: false }).compile((await t.request('GET', '/api/v1/events/schema.json')).body);
    const ticket = aRow({ sla: { state: 'running', dueAt: 1, warnAt: 0, calendar: 'business' } });
    const envelope = { seq: 1, at: 1, ticketId: 1, ticket };
    expect(validate({ ...envelope, type: 'ticket.routed', data: { action: 'routed', fromTier: 'l1', toTier: 'l2-analysts', reason: 'logs', outOfTurn: false } })).toBe(true);
    expect(validate({ ...envelope, type: 'ticket.routed', data: { clock: { index: 0, target: 'reaction', startedAt: 0, dueAt: 1, warnAt: 1 } } })).toBe(false);
    expect(validate({ ...envelope, type: 'message.added', data: { action: 'taken' } })).toBe(false);
    expect(validate({ ...envelope, type: 'ticket.deleted', data: {} })).toBe(false);
    expect(validate({ ...envelope, type: 'ticket.updated', data: {} })).toBe(true);
    expect(validate({ ...envelope, type: 'ticket.updated', data: { message: 'internal' } })).toBe(false);
    // A row without its SLA is no row.
    expect(validate({ ...envelope, type: 'ticket.updated', ticket: { ...ticket, sla: undefined }, data: {} })).toBe(false);
    // A service-wide event carries no ticket, and an event about a ticket must carry one.
    const calendar = { ...DEFAULT_CALENDAR_CONFIG };
    expect(validate({ seq: 2, at: 1, ticketId: null, ticket: null, type: 'calendar.changed', data: { calendar, effectiveAt: 1 } })).toBe(true);
    expect(validate({ ...envelope, type: 'calendar.changed', data: { calendar, effectiveAt: 1 } })).toBe(false);
    expect(validate({ seq: 2, at: 1, ticketId: null, ticket: null, type: 'ticket.changed', data: { action: 'taken' } })).toBe(false);
  });
});
