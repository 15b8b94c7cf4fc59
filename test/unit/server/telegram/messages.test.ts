/** The words of a Telegram status message: each language, the link, the quoted question cut to size. */
import { describe, expect, it } from 'vitest';
import { clip, MAX_QUESTION_CHARS, telegramText } from '../../../../server/telegram/messages.ts';

const ticket = { id: 42, number: 42, subject: 'Dialer stopped' };

describe('telegramText', () => {
  it("speaks the client's language and links the portal when the service knows its URL", () => {
    expect(telegramText('en', ticket, { kind: 'resolved' }, 'https://desk.example.com')).toBe(
      'Ticket #42 “Dialer stopped” is resolved. If the problem remains, reopen it in the portal.\nPortal: https://desk.example.com/portal#/tickets/42',
    );
    expect(telegramText('uk', ticket, { kind: 'in_work' }, null)).toBe('Тікет №42 «Dialer stopped» взято в роботу.');
    expect(telegramText('ru', ticket, { kind: 'routed', tier: 'l2-methodologists' }, null)).toBe('Тикет №42 «Dialer stopped» передан: Методисты (L2).');
  });

  it('a merged ticket links to the ticket it continues in', () => {
    expect(telegramText('en', ticket, { kind: 'merged', into: 7 }, 'https://desk.example.com')).toBe(
      'Ticket #42 “Dialer stopped” was merged into ticket #7; the conversation continues there.\nPortal: https://desk.example.com/portal#/tickets/7',
    );
  });

  it('quotes the question as written, cut to a sane length; braces in it are text', () => {
    expect(telegramText('en', ticket, { kind: 'question', question: '  Which {campaign}?  ' }, null)).toBe(
      'Support asked a question on ticket #42 “Dialer stopped”:\nWhich {campaign}?\nPlease answer in the portal: the ticket waits for your answer.',
    );
    const long = telegramText('en', ticket, { kind: 'question', question: 'ж'.repeat(5000) }, null);
    expect(long).toContain(`${'ж'.repeat(MAX_QUESTION_CHARS - 1)}…\n`);
    expect(long.length).toBeLessThan(4096);
  });

  it('clip counts characters, not UTF-16 units', () => {
    expect(clip('😀😀😀', 2)).toBe('😀…');
    expect(clip('short', 10)).toBe('short');
  });
});
