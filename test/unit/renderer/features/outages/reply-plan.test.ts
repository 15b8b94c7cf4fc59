import { describe, expect, it } from 'vitest';
import { openTicketsByLanguage, replyPlan } from '../../../../../renderer/features/outages/reply-plan.ts';
import type { Language, OutageTicket, TicketStatus } from '../../../../../shared/model/index.ts';

const ticket = (id: number, language: Language, status: TicketStatus = 'new'): OutageTicket => ({
  id, number: id, subject: `#${id}`, clientId: 1, clientName: 'Alpha', language, status, createdAt: 0, linkedAt: 0,
});
const tickets = [ticket(1, 'ru'), ticket(2, 'uk', 'in_work'), ticket(3, 'en', 'awaiting_customer'), ticket(4, 'en', 'resolved'), ticket(5, 'ru', 'merged')];
const texts = { ru: 'Восстановлено', uk: 'Відновлено', en: 'Restored' };

describe('replyPlan', () => {
  it('sends one text to every open ticket and leaves out the closed ones', () => {
    const plan = replyPlan(tickets, { kind: 'one', text: ' Service is back. ' });
    expect(plan.send.map((r) => [r.ticket.id, r.body])).toEqual([[1, 'Service is back.'], [2, 'Service is back.'], [3, 'Service is back.']]);
    expect(plan.notOpen.map((t) => t.id)).toEqual([4, 5]);
    expect(plan.missing).toEqual([]);
  });

  it('sends each ticket the text in its customer\'s language (R10)', () => {
    const plan = replyPlan(tickets, { kind: 'per-language', texts });
    expect(plan.send.map((r) => [r.ticket.id, r.body])).toEqual([[1, 'Восстановлено'], [2, 'Відновлено'], [3, 'Restored']]);
  });

  it('sends nothing while a language of an open ticket has no text; a language nobody needs may stay empty', () => {
    expect(replyPlan(tickets, { kind: 'per-language', texts: { ...texts, uk: ' ' } })).toMatchObject({ send: [], missing: ['uk'] });
    expect(replyPlan([ticket(1, 'ru')], { kind: 'per-language', texts: { ru: 'Да', uk: '', en: '' } }).send).toHaveLength(1);
    expect(replyPlan(tickets, { kind: 'one', text: '' })).toMatchObject({ send: [], missing: ['ru', 'uk', 'en'] });
  });

  it('counts the open tickets per language', () => {
    expect(openTicketsByLanguage(tickets)).toEqual({ ru: 1, uk: 1, en: 1 });
  });
});
