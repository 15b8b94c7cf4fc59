import { describe, expect, it } from 'vitest';
import { mustHandleNow } from '../../../../../renderer/features/oncall/handle-now.ts';
import type { Ticket, TicketStatus } from '../../../../../shared/model/index.ts';

// Only the fields the rule reads; the rest of a ticket does not matter to it.
const ticket = (id: number, o: { escalated?: boolean; status?: TicketStatus; outage?: { id: number; open: boolean } } = {}): Ticket =>
  ({ id, escalated: o.escalated ?? false, status: o.status ?? 'in_work', outage: o.outage ?? null }) as unknown as Ticket;

describe('mustHandleNow', () => {
  const paged = new Set([2, 4]);

  it('holds open tickets that are escalated or have a page, and nothing else', () => {
    expect(mustHandleNow(ticket(1, { escalated: true }), paged)).toBe(true);
    expect(mustHandleNow(ticket(2), paged)).toBe(true);
    expect(mustHandleNow(ticket(3), paged)).toBe(false);
  });

  it('leaves out resolved tickets, paged or escalated', () => {
    expect(mustHandleNow(ticket(4, { status: 'resolved' }), paged)).toBe(false);
    expect(mustHandleNow(ticket(5, { escalated: true, status: 'resolved' }), paged)).toBe(false);
  });

  it('holds open tickets linked to an open outage (R8, R26), not those of a restored one, nor resolved ones', () => {
    expect(mustHandleNow(ticket(6, { outage: { id: 7, open: true } }), paged)).toBe(true);
    expect(mustHandleNow(ticket(8, { outage: { id: 9, open: false } }), paged)).toBe(false);
    expect(mustHandleNow(ticket(10, { outage: { id: 7, open: true }, status: 'resolved' }), paged)).toBe(false);
    expect(mustHandleNow(ticket(11), paged)).toBe(false);
  });
});
