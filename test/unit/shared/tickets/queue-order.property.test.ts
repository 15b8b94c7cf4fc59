import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, TICKET_STATUSES, TIERS, type Language, type TicketSummary } from '../../../../shared/model/index.ts';
import { TICKET_KINDS } from '../../../../shared/sla/index.ts';
import {
  applyLens,
  collatorFor,
  matchesFilters,
  QUEUE_COLUMNS,
  SLA_ORDER,
  sortKeyOf,
  type QueueLens,
} from '../../../../shared/tickets/queue-order.ts';

// Only the fields the lens reads; the rest of a ticket does not matter to it.
const ola = fc.option(fc.record({ dueAt: fc.integer({ min: 0, max: 1e6 }), stoppedAt: fc.option(fc.constant(5), { nil: null }) }), { nil: null });
const words = fc.constantFrom('Звонки', 'звонки', 'Єдність', 'Ёлка', 'Abc', 'abc', 'Ящик', 'Report 9', 'Report 10', 'Ґанок', 'zeta', '');
const ticketShape = fc.record({
  kind: fc.constantFrom(...TICKET_KINDS),
  subject: words,
  client: fc.record({ id: fc.integer({ min: 1, max: 4 }), name: words }),
  language: fc.constantFrom(...LANGUAGES),
  tier: fc.constantFrom(...TIERS),
  assignee: fc.option(fc.record({ id: fc.integer({ min: 1, max: 4 }), name: words }), { nil: null }),
  status: fc.constantFrom(...TICKET_STATUSES),
  escalated: fc.boolean(),
  sla: fc.record({ dueAt: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }) }),
  ola,
});
/** Tickets with distinct ids, in the order "the service" gave them. */
const tickets = fc.array(ticketShape, { maxLength: 40 }).map((list) => list.map((t, i) => ({ ...t, id: i + 1, number: 1000 + ((i * 7919) % 97) }) as unknown as TicketSummary));
const filters = fc.record(
  {
    kind: fc.constantFrom(...TICKET_KINDS),
    clientId: fc.integer({ min: 1, max: 4 }),
    language: fc.constantFrom(...LANGUAGES),
    assigneeId: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant('none' as const)),
    status: fc.constantFrom(...TICKET_STATUSES),
  },
  { requiredKeys: [] },
);
const sort = fc.option(fc.record({ column: fc.constantFrom(...QUEUE_COLUMNS), direction: fc.constantFrom('asc' as const, 'desc' as const) }), { nil: null });
const lens: fc.Arbitrary<QueueLens> = fc.record({ sort, filters });
const locale = fc.constantFrom<Language>(...LANGUAGES);
const ids = (list: readonly TicketSummary[]) => list.map((t) => t.id);

describe('applyLens (properties)', () => {
  it('filters to a subset, in the given order, of exactly the tickets matching every filter', () => {
    fc.assert(fc.property(tickets, filters, locale, (list, f, lang) => {
      const shown = applyLens(list, { sort: null, filters: f }, lang);
      // Said again, field by field, apart from the module's own rule.
      const passes = (t: TicketSummary) =>
        (f.kind === undefined || t.kind === f.kind) &&
        (f.clientId === undefined || t.client.id === f.clientId) &&
        (f.language === undefined || t.language === f.language) &&
        (f.assigneeId === undefined || (f.assigneeId === 'none' ? t.assignee === null : t.assignee?.id === f.assigneeId)) &&
        (f.status === undefined || t.status === f.status);
      expect(ids(shown)).toEqual(ids(list.filter(passes)));
      for (const t of list) expect(matchesFilters(t, f)).toBe(passes(t));
    }));
  });

  it('sorting is a permutation of the filtered tickets', () => {
    fc.assert(fc.property(tickets, lens, locale, (list, l, lang) => {
      const filtered = applyLens(list, { sort: null, filters: l.filters }, lang);
      expect([...ids(applyLens(list, l, lang))].sort((a, b) => a - b)).toEqual([...ids(filtered)].sort((a, b) => a - b));
    }));
  });

  it('orders by the column\'s key, ties in the given (SLA) order, tickets without a key last', () => {
    fc.assert(fc.property(tickets, sort.filter((s) => s !== null), locale, (list, s, lang) => {
      const shown = applyLens(list, { sort: s, filters: {} }, lang);
      const collator = collatorFor(lang);
      const sign = s.direction === 'asc' ? 1 : -1;
      for (let i = 1; i < shown.length; i++) {
        const [a, b] = [shown[i - 1] as TicketSummary, shown[i] as TicketSummary];
        const [ka, kb] = [sortKeyOf(a, s.column), sortKeyOf(b, s.column)];
        if (ka === null) expect(kb).toBeNull();
        if (ka === null || kb === null) {
          if (ka === kb) expect(a.id).toBeLessThan(b.id);
          continue;
        }
        const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
        expect(sign * c).toBeLessThanOrEqual(0);
        if (c === 0) expect(a.id).toBeLessThan(b.id);
      }
    }));
  });

  it('descending reverses ascending, but for ties (SLA order both ways) and the tickets without a key (last both ways)', () => {
    fc.assert(fc.property(tickets, fc.constantFrom(...QUEUE_COLUMNS), locale, (list, column, lang) => {
      const asc = applyLens(list, { sort: { column, direction: 'asc' }, filters: {} }, lang);
      const desc = applyLens(list, { sort: { column, direction: 'desc' }, filters: {} }, lang);
      const keyed = (l: readonly TicketSummary[]) => l.filter((t) => sortKeyOf(t, column) !== null);
      const missing = (l: readonly TicketSummary[]) => l.filter((t) => sortKeyOf(t, column) === null);
      const collator = collatorFor(lang);
      const same = (a: TicketSummary, b: TicketSummary) => {
        const [ka, kb] = [sortKeyOf(a, column), sortKeyOf(b, column)];
        return typeof ka === 'number' ? ka === kb : collator.compare(String(ka), String(kb)) === 0;
      };
      const [ka, kd] = [keyed(asc), [...keyed(desc)].reverse()];
      expect(kd).toHaveLength(ka.length);
      ka.forEach((t, i) => expect(same(t, kd[i] as TicketSummary)).toBe(true));
      expect(ids(missing(asc))).toEqual(ids(missing(desc)));
      expect(ids(desc.slice(desc.length - missing(desc).length))).toEqual(ids(missing(desc)));
    }));
  });

  it('the default lens is the identity (the service\'s SLA order, every ticket)', () => {
    fc.assert(fc.property(tickets, locale, (list, lang) => {
      expect(applyLens(list, SLA_ORDER, lang)).toEqual(list);
    }));
  });
});
