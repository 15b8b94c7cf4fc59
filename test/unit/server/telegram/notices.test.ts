/** Which events of a ticket transaction a client's Telegram chat hears of, and that one action posts one message. */
import { describe, expect, it } from 'vitest';
import type { Message, TicketStatus } from '../../../../shared/model/index.ts';
import type { TicketBrief } from '../../../../server/store/tickets.ts';
import type { PendingEvent, PendingTicketEvent } from '../../../../server/events/outbox.ts';
import { noticesOf } from '../../../../server/telegram/notices.ts';

const ticket = (id: number, status: TicketStatus): TicketBrief => ({ id, number: id, subject: `Ticket ${id}`, clientId: 1, status, tier: 'l1' });
const message = (type: Message['type'], body = 'text'): Message => ({ id: 1, ticketId: 1, type, author: null, body, createdAt: 0, mergedFrom: null });
const added = (status: TicketStatus, type: Message['type'], statusBefore?: TicketStatus, body?: string): PendingTicketEvent => ({
  type: 'message.added', ticket: ticket(1, status), agentsOnly: type === 'note', data: { message: message(type, body) }, ...(statusBefore === undefined ? {} : { statusBefore }),
});
const changed = (id: number, status: TicketStatus, action: 'taken' | 'taken_over' | 'resolved' | 'reopened' | 'merged' | 'merged_into_this' | 'compensation' | 'outage_linked', statusBefore: TicketStatus): PendingEvent => ({
  type: 'ticket.changed', ticket: ticket(id, status), agentsOnly: false, data: { action }, statusBefore,
});
const kinds = (events: readonly PendingEvent[]) => noticesOf(events).map((n) => n.notice);

describe('noticesOf', () => {
  it('a new ticket is received, once, whatever else the transaction wrote', () => {
    expect(kinds([{ type: 'ticket.created', ticket: ticket(1, 'new'), agentsOnly: false, data: { action: 'created', toTier: 'l1' } }, added('new', 'customer')])).toEqual([{ kind: 'received' }]);
  });

  it('"in work" only when the status moved into work: a take of a new ticket, a reply to one, the customer answering a question', () => {
    expect(kinds([changed(1, 'in_work', 'taken', 'new')])).toEqual([{ kind: 'in_work' }]);
    expect(kinds([added('in_work', 'reply', 'new')])).toEqual([{ kind: 'in_work' }]);
    expect(kinds([added('in_work', 'customer', 'awaiting_customer')])).toEqual([{ kind: 'in_work' }]);
  });

  it('nothing for a reply or a take that changes no status, a take-over, a compensation, an outage link, a note', () => {
    expect(kinds([added('in_work', 'reply', 'in_work')])).toEqual([]);
    expect(kinds([added('in_work', 'customer', 'in_work')])).toEqual([]);
    expect(kinds([changed(1, 'in_work', 'taken', 'in_work')])).toEqual([]);
    expect(kinds([changed(1, 'awaiting_customer', 'taken', 'awaiting_customer')])).toEqual([]);
    expect(kinds([changed(1, 'in_work', 'taken_over', 'in_work')])).toEqual([]);
    expect(kinds([changed(1, 'in_work', 'compensation', 'in_work')])).toEqual([]);
    expect(kinds([changed(1, 'in_work', 'outage_linked', 'in_work')])).toEqual([]);
    expect(kinds([added('new', 'note', 'new')])).toEqual([]);
    // A note's event claims no status change even if it carried one (agents only).
    expect(kinds([{ type: 'message.added', ticket: ticket(1, 'in_work'), agentsOnly: true, data: { message: message('note') }, statusBefore: 'new' }])).toEqual([]);
  });

  it("support's question, with its text", () => {
    expect(kinds([added('awaiting_customer', 'question', 'in_work', 'Which campaign?')])).toEqual([{ kind: 'question', question: 'Which campaign?' }]);
  });

  it('routing names the tier and never the reason; escalation, resolution, reopening', () => {
    const routed: PendingEvent = { type: 'ticket.routed', ticket: ticket(1, 'in_work'), agentsOnly: true, data: { action: 'routed', fromTier: 'l1', toTier: 'l3', reason: 'secret', outOfTurn: true }, statusBefore: 'in_work' };
    expect(kinds([routed])).toEqual([{ kind: 'routed', tier: 'l3' }]);
    const escalated: PendingEvent = { type: 'ticket.escalated', ticket: ticket(1, 'new'), agentsOnly: false, data: { action: 'escalated', fromTier: 'l1', toTier: 'escalation' }, statusBefore: 'new' };
    expect(kinds([escalated, added('new', 'system', 'new')])).toEqual([{ kind: 'escalated' }]);
    expect(kinds([changed(1, 'resolved', 'resolved', 'in_work')])).toEqual([{ kind: 'resolved' }]);
    expect(kinds([changed(1, 'in_work', 'reopened', 'resolved')])).toEqual([{ kind: 'reopened' }]);
  });

  it('a merge tells the duplicate where it continues and says nothing of the original, not even of a question it copied', () => {
    const events: PendingEvent[] = [
      { type: 'message.added', ticket: ticket(7, 'in_work'), agentsOnly: false, data: { message: message('customer') } },
      { type: 'message.added', ticket: ticket(7, 'in_work'), agentsOnly: false, data: { message: { ...message('question'), mergedFrom: 9 } } },
      changed(7, 'in_work', 'merged_into_this', 'in_work'),
      changed(9, 'merged', 'merged', 'new'),
    ];
    expect(noticesOf(events).map((n) => [n.ticket.id, n.notice])).toEqual([[9, { kind: 'merged', into: 7 }]]);
  });

  it('SLA, page and outage events say nothing', () => {
    const clock = { index: 0, target: 'reaction' as const, startedAt: 0, dueAt: 1, warnAt: 0 };
    expect(kinds([{ type: 'sla.breached', ticket: ticket(1, 'new'), agentsOnly: true, data: { clock } }])).toEqual([]);
    expect(kinds([{ type: 'calendar.changed', ticket: null, data: { calendar: { zone: 'Europe/Kyiv', open: '09:00', close: '18:00', workdays: [1], holidays: [], extraWorkdays: [] }, effectiveAt: 0 } }])).toEqual([]);
  });
});
