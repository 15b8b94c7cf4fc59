import { describe, expect, it } from 'vitest';
import { portalOrder } from '../../../../../renderer/portal/tickets/list-order.ts';
import type { Ticket, TicketStatus } from '../../../../../shared/model/index.ts';

const ticket = (id: number, status: TicketStatus, updatedAt: number) => ({ id, status, updatedAt }) as Ticket;

describe('portalOrder', () => {
  it('puts tickets waiting for the customer on top (R13), then the newest activity first; resolved and merged apart', () => {
    const order = portalOrder([
      ticket(1, 'in_work', 500),
      ticket(2, 'awaiting_customer', 100),
      ticket(3, 'resolved', 900),
      ticket(4, 'new', 700),
      ticket(5, 'awaiting_customer', 300),
      ticket(6, 'merged', 950),
      ticket(7, 'in_work', 700),
    ]);
    expect(order.open.map((t) => t.id)).toEqual([5, 2, 7, 4, 1]);
    expect(order.closed.map((t) => t.id)).toEqual([6, 3]);
  });
});
