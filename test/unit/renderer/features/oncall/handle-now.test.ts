import { describe, expect, it } from 'vitest';
import { mustHandleNow } from '../../../../../renderer/features/oncall/handle-now.ts';
import type { Ticket, TicketStatus } from '../../../../../shared/model/index.ts';

// Only the fields the rule reads; the rest of a ticket does not matter to it.
const ticket = (id: number, o: { escalated?: boolean; status?: TicketStatus; outageId?: number } = {}): Ticket =>
  ({ id, escalated: o.escalated ?? false, status: o.status ?? 'in_work', outageId: o.outageId ?? null }) as unknown as Ticket;

describe('mustHandleNow', () => {
  const paged = new Set([2, 4]);
  const none = new Set<number>();

  it('holds open tickets that are escalated or have a page, and nothing else', () => {
    expect(mustHandleNow(ticket(1, { escalated: true }), paged, none)).toBe(true);
    expect(mustHandleNow(ticket(2), paged, none)).toBe(true);
    expect(mustHandleNow(ticket(3), paged, none)).toBe(false);
  });

  it('leaves out resolved tickets, paged or escalated', () => {
    expect(mustHandleNow(ticket(4, { status: 'resolved' }), paged, none)).toBe(false);
    expect(mustHandleNow(ticket(5, { escalated: true, status: 'resolved' }), paged, none)).toBe(false);
  });

  it('holds open tickets linked to an open outage (R8, R26), not those of a restored one, nor resolved ones', () => {
    const openOutages = new Set([7]);
    expect(mustHandleNow(ticket(6, { outageId: 7 }), paged, openOutages)).toBe(true);
    expect(mustHandleNow(ticket(8, { outageId: 9 }), paged, openOutages)).toBe(false);
    expect(mustHandleNow(ticket(10, { outageId: 7, status: 'resolved' }), paged, openOutages)).toBe(false);
    expect(mustHandleNow(ticket(11), paged, openOutages)).toBe(false);
  });
});
