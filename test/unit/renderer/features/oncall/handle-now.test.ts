import { describe, expect, it } from 'vitest';
import { mustHandleNow } from '../../../../../renderer/features/oncall/handle-now.ts';
import type { Ticket, TicketStatus } from '../../../../../shared/model/index.ts';

// Only the fields the rule reads; the rest of a ticket does not matter to it.
const ticket = (id: number, o: { escalated?: boolean; status?: TicketStatus } = {}): Ticket =>
  ({ id, escalated: o.escalated ?? false, status: o.status ?? 'in_work' }) as unknown as Ticket;

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
});
