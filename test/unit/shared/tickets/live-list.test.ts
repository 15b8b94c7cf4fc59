/** Placing an event's row in a held list (shared/tickets/live-list.ts) and the service's order it keeps. */
import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../../../shared/model/index.ts';
import { inView, patchList, viewerOf, type LiveList, type Viewer } from '../../../../shared/tickets/live-list.ts';
import { cursorOf, parseCursor } from '../../../../shared/tickets/service-order.ts';
import { aRow } from '../../../support/rows.ts';

const anna: Viewer = { kind: 'agent', id: 5, tiers: ['l1'] };
const alpha: Viewer = { kind: 'customer', id: 30, clientId: 1 };
const running = (id: number, dueAt: number, fields: Partial<TicketSummary> = {}) => aRow({ id, sla: { state: 'running', dueAt, warnAt: dueAt - 100, calendar: 'business' }, ...fields });
const ids = (list: LiveList | 'refetch') => (list === 'refetch' ? 'refetch' : list.tickets.map((t) => t.id));
const whole = (...tickets: TicketSummary[]): LiveList => ({ tickets, next: null });

describe('patchList', () => {
  const list = whole(running(1, 1_000), running(2, 2_000), running(3, 3_000));

  it('puts a new row where the service would: by due time among running tickets', () => {
    expect(ids(patchList(list, [running(9, 2_500)], { view: 'queue' }, anna))).toEqual([1, 2, 9, 3]);
  });

  it('moves a changed row and drops one that left the view (resolved), leaving the rest as they were', () => {
    const moved = patchList(list, [running(3, 500), aRow({ id: 2, status: 'resolved', sla: { state: 'closed', dueAt: null, warnAt: null, calendar: null } })], { view: 'queue' }, anna);
    expect(ids(moved)).toEqual([3, 1]);
    expect(moved !== 'refetch' && moved.tickets[1]).toBe(list.tickets[0]);
  });

  it('breached before running, paused and idle after, closed last; ties by the latest change, then the newest', () => {
    const rows = [
      aRow({ id: 1, sla: { state: 'idle', dueAt: null, warnAt: null, calendar: null } }),
      aRow({ id: 2, sla: { state: 'paused', dueAt: null, warnAt: null, calendar: null }, status: 'awaiting_customer' }),
      running(3, 9_000),
      aRow({ id: 4, sla: { state: 'breached', dueAt: 9_500, warnAt: 9_000, calendar: 'business' } }),
      aRow({ id: 5, status: 'resolved', sla: { state: 'closed', dueAt: null, warnAt: null, calendar: null } }),
      running(6, 9_000, { updatedAt: 10 }),
      running(7, 9_000, { updatedAt: 10 }),
    ];
    expect(ids(patchList(whole(), rows, { view: 'all' }, anna))).toEqual([4, 7, 6, 3, 2, 1, 5]);
  });

  it('of several rows of one ticket in a burst, the last one counts', () => {
    expect(ids(patchList(list, [running(9, 100), running(9, 9_000)], { view: 'queue' }, anna))).toEqual([1, 2, 3, 9]);
  });

  it('returns the same list when nothing in it changes (no render)', () => {
    expect(patchList(list, [running(9, 100, { tier: 'l3' })], { view: 'tier' }, anna)).toBe(list);
  });

  it("keeps each view's rule: tier, mine, escalated, a client's", () => {
    expect(ids(patchList(list, [running(9, 100, { tier: 'l3' })], { view: 'tier', tier: 'l3' }, anna))).toEqual([9, 1, 2, 3]);
    expect(ids(patchList(list, [running(9, 100, { assignee: { id: 5, name: 'Anna' } })], { view: 'mine' }, anna))).toEqual([9, 1, 2, 3]);
    expect(ids(patchList(list, [running(9, 100)], { view: 'mine' }, anna))).toEqual([1, 2, 3]);
    expect(ids(patchList(list, [running(9, 100, { escalated: true })], { view: 'escalated' }, anna))).toEqual([9, 1, 2, 3]);
    expect(ids(patchList(list, [running(9, 100, { client: { id: 2, name: 'Beta', primaryGroup: 'inbound', language: 'uk' } })], { view: 'queue', clientId: 1 }, anna))).toEqual([1, 2, 3]);
  });

  it('a customer never holds another client\'s row', () => {
    expect(ids(patchList(whole(), [running(9, 100, { client: { id: 2, name: 'Beta', primaryGroup: 'inbound', language: 'uk' } })], { view: 'all' }, alpha))).toEqual([]);
  });

  it('asks for a read when it cannot decide: a search, a customer\'s own "mine"', () => {
    expect(patchList(list, [running(9, 100)], { view: 'queue', q: 'exports' }, anna)).toBe('refetch');
    expect(patchList(whole(), [running(9, 100)], { view: 'mine' }, alpha)).toBe('refetch');
    expect(inView(running(9, 100), { view: 'queue', q: '  ' }, anna)).toBe(true);
  });

  it('in a partly loaded view places rows up to its last loaded row, and leaves out those after it', () => {
    const first = running(1, 1_000);
    const last = running(2, 2_000);
    const partial: LiveList = { tickets: [first, last], next: cursorOf(last) };
    expect(ids(patchList(partial, [running(9, 1_500)], { view: 'queue' }, anna))).toEqual([1, 9, 2]);
    expect(ids(patchList(partial, [running(9, 2_500)], { view: 'queue' }, anna))).toEqual([1, 2]);
    expect(ids(patchList(partial, [running(1, 2_500)], { view: 'queue' }, anna))).toEqual([2]);
  });
});

describe('cursors', () => {
  it('name a row\'s place and read back; anything else is no cursor', () => {
    const row = running(42, 1_795_000_000_000, { updatedAt: 1_794_000_000_000 });
    expect(parseCursor(cursorOf(row))).toEqual({ rank: 1, due: 1_795_000_000_000, updatedAt: 1_794_000_000_000, id: 42 });
    for (const bad of ['', '1.2.3', '5.1.1.1', '1.-1.1.1', '1.1.1.1.1', '1.99999999999999999.1.1', 'a.b.c.d']) expect(parseCursor(bad), bad).toBeNull();
  });

  it('a signed-in user is the viewer the service scopes by', () => {
    expect(viewerOf({ kind: 'agent', id: 5, login: 'anna', name: 'Anna', role: 'agent', tiers: ['l1'], language: 'uk' })).toEqual(anna);
  });
});
