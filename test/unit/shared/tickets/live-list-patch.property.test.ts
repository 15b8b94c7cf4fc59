import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, TIERS, type TicketSummary } from '../../../../shared/model/index.ts';
import { inView, patchList, type ListScope, type LiveList, type Viewer } from '../../../../shared/tickets/live-list.ts';
import { compareQueueKeys, compareServiceOrder, cursorOf, parseCursor, queueKeyOf } from '../../../../shared/tickets/service-order.ts';
import { aRow } from '../../../support/rows.ts';

// patchList places rows by binary search and copies the runs between (a console patches lists of
// 10,000 rows on every burst); whatever the rows, it must give what a fresh read would: the view's
// rows in the service's order, up to the loaded part's cursor.
const viewer: Viewer = { kind: 'agent', id: 1, tiers: ['l1'] };
const scopes: ListScope[] = [{ view: 'queue' }, { view: 'tier' }, { view: 'mine' }, { view: 'escalated' }, { view: 'all' }];

const row = (id: number) =>
  fc
    .record({
      status: fc.constantFrom(...TICKET_STATUSES),
      tier: fc.constantFrom(...TIERS),
      assigned: fc.boolean(),
      escalated: fc.boolean(),
      state: fc.constantFrom('idle', 'running', 'paused', 'breached'),
      dueAt: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
      updatedAt: fc.integer({ min: 0, max: 50 }),
    })
    .map((f): TicketSummary => aRow({
      id,
      status: f.status,
      tier: f.tier,
      assignee: f.assigned ? { id: 1, name: 'Anna' } : null,
      escalated: f.escalated,
      updatedAt: f.updatedAt,
      sla: { state: f.state as TicketSummary['sla']['state'], dueAt: f.dueAt, warnAt: null, calendar: null },
    }));

/** Every ticket's row by id (1..n), and the events' rows in order, in batches. */
const world = (n: number, events: number, batch: number, atLeast: number, whole: boolean) =>
  fc.record({
    initial: fc.tuple(...Array.from({ length: n }, (_, i) => row(i + 1))),
    events: fc.array(fc.integer({ min: 1, max: n }).chain((id) => row(id)), { minLength: atLeast, maxLength: events }),
    batch: fc.integer({ min: Math.max(1, Math.min(batch, atLeast)), max: batch }),
    // `whole`: the whole of the 'all' view loaded, so every row of a batch arrives.
    loaded: whole ? fc.constant(null) : fc.option(fc.integer({ min: 1, max: n }), { nil: null }),
    scope: whole ? fc.constant<ListScope>({ view: 'all' }) : fc.constantFrom(...scopes),
  });

/** What a fresh read returns: the view's rows in order, the first `max` of them with a cursor when more remain. */
function freshRead(rows: readonly TicketSummary[], scope: ListScope, max: number | null): LiveList {
  const all = rows.filter((t) => inView(t, scope, viewer) === true).sort(compareServiceOrder);
  if (max === null || all.length <= max) return { tickets: all, next: null };
  const tickets = all.slice(0, max);
  const last = tickets.at(-1);
  if (last === undefined) throw new Error('a page holds at least one row');
  return { tickets, next: cursorOf(last) };
}

describe('patchList', () => {
  it.each([
    ['a few rows at a time', 12, 30, 6, 0, false, 400],
    // Past the thresholds where it removes rows in one pass and merges the arriving ones in one pass.
    ['hundreds at once (a replay)', 400, 600, 600, 500, true, 20],
  ])('leaves a list as a fresh read would have it, after any events: %s', (_, n, events, batch, atLeast, whole, runs) => {
    fc.assert(
      fc.property(world(n, events, batch, atLeast, whole), ({ initial, events, batch, loaded, scope }) => {
        let list = freshRead(initial, scope, loaded);
        const now = new Map(initial.map((t) => [t.id, t]));
        for (let i = 0; i < events.length; i += batch) {
          const rows = events.slice(i, i + batch);
          for (const t of rows) now.set(t.id, t);
          const patched = patchList(list, rows, scope, viewer);
          if (patched === 'refetch') throw new Error('no row of these scopes is undecidable');
          list = patched;
        }
        // A partly loaded view keeps its cursor: a fresh read compared up to it.
        const fresh = freshRead([...now.values()], scope, null).tickets;
        const boundary = list.next === null ? null : parseCursor(list.next);
        const expected = boundary === null ? fresh : fresh.filter((t) => compareQueueKeys(queueKeyOf(t), boundary) <= 0);
        expect(list.tickets.map((t) => t.id)).toEqual(expected.map((t) => t.id));
        expect(list.tickets).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });

  it('returns the same list when no row of the batch is in it or arrives', () => {
    const list = freshRead([aRow({ id: 1 }), aRow({ id: 2 })], { view: 'tier' }, null);
    expect(patchList(list, [aRow({ id: 3, tier: 'l3' })], { view: 'tier' }, viewer)).toBe(list);
  });
});
