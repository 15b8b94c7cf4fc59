import { describe, expect, it } from 'vitest';
import { clockWords } from '../../../../../renderer/portal/ticket/clock-words.ts';
import type { TicketStatus } from '../../../../../shared/model/index.ts';
import { createCalendar, evaluateSla, type SlaEvent, type SlaEventType, type TicketKind } from '../../../../../shared/sla/index.ts';
import { at } from '../../../../support/time.ts';

const calendar = createCalendar();

/** A ticket of `kind` with this history ([type, Kyiv wall time]), its SLA evaluated at `now` as the service does. */
function ticket(kind: TicketKind, history: readonly (readonly [SlaEventType, string])[], now: number, status: TicketStatus = 'in_work', duplicateOf: number | null = null) {
  const events: SlaEvent[] = history.map(([type, local]) => ({ type, at: at(local) }));
  return { status, duplicateOf, sla: evaluateSla({ kind, events }, now, { calendar }) };
}

const words = (t: ReturnType<typeof ticket>, now: number, lang: 'en' | 'ru' | 'uk' = 'en') => clockWords(t, now, calendar, lang);

describe('clockWords: the ticket\'s clock in plain words for the customer', () => {
  it('running in working hours: by when support reacts, counting down, and what was promised (R21)', () => {
    const problem = ticket('problem', [['created', '2026-11-30 10:00']], at('2026-11-30 10:08'), 'new');
    expect(words(problem, at('2026-11-30 10:08'))).toEqual({
      tone: 'running',
      text: 'Support will react by 10:20 today (in 12 minutes; 20 working minutes from your message).',
    });
    // The same ticket a few minutes on: the words count down.
    expect(words(problem, at('2026-11-30 10:17:30.000')).text).toBe('Support will react by 10:20 today (in 2 minutes; 20 working minutes from your message).');
  });

  it('a question (R24) promises an hour of working time', () => {
    const question = ticket('question', [['created', '2026-11-30 10:00']], at('2026-11-30 10:00'), 'new');
    expect(words(question, at('2026-11-30 10:00')).text).toBe('Support will react by 11:00 today (in 1 hour; 1 working hour from your message).');
  });

  it('after hours: support is closed, and the due time counted in working time (R7, R9)', () => {
    const night = ticket('problem', [['created', '2026-11-28 03:00']], at('2026-11-28 03:00'), 'new');
    expect(words(night, at('2026-11-28 03:00'))).toEqual({
      tone: 'off-hours',
      text: 'Support is closed now; it will react by Monday 09:20 (20 working minutes from your message, counted in working hours).',
    });
  });

  it('escalated: the escalation desk reacts within 20 minutes round the clock, even at night (R12, R25)', () => {
    const escalated = ticket('problem', [['created', '2026-11-28 03:00'], ['escalated', '2026-11-28 03:05']], at('2026-11-28 03:10'));
    expect(words(escalated, at('2026-11-28 03:10'))).toEqual({
      tone: 'escalated',
      text: 'Escalated: the escalation desk reacts within 20 minutes, round the clock: by 03:25 today (in 15 minutes).',
    });
  });

  it('paused while support waits for the customer\'s answer (R13)', () => {
    const asked = ticket('problem', [['created', '2026-11-30 10:00'], ['question_asked', '2026-11-30 10:05']], at('2026-11-30 11:00'), 'awaiting_customer');
    expect(words(asked, at('2026-11-30 11:00'))).toEqual({ tone: 'paused', text: 'Paused: support is waiting for your answer.' });
  });

  it('support reacted in time, or after the promised time', () => {
    const inTime = ticket('problem', [['created', '2026-11-30 10:00'], ['taken', '2026-11-30 10:02']], at('2026-11-30 12:00'));
    expect(words(inTime, at('2026-11-30 12:00'))).toEqual({ tone: 'met', text: 'Support reacted at Mon 30 Nov 10:02, within the promised time.' });
    const late = ticket('problem', [['created', '2026-11-30 10:00'], ['agent_replied', '2026-11-30 10:25']], at('2026-11-30 12:00'));
    expect(words(late, at('2026-11-30 12:00'))).toEqual({ tone: 'late', text: 'Support reacted at Mon 30 Nov 10:25, after the promised time (Mon 30 Nov 10:20).' });
  });

  it('the promised time passed: said, with support alerted', () => {
    const overdue = ticket('bug', [['created', '2026-11-30 10:00']], at('2026-11-30 10:21'), 'new');
    expect(words(overdue, at('2026-11-30 10:21'))).toEqual({ tone: 'breached', text: 'The promised time passed at Mon 30 Nov 10:20; support has been alerted.' });
  });

  it('a suggestion: an answer within a month, by a date (R23)', () => {
    const suggestion = ticket('suggestion', [['created', '2026-11-27 10:00']], at('2026-11-27 10:00'), 'new');
    expect(words(suggestion, at('2026-11-27 10:00'))).toEqual({ tone: 'running', text: 'An answer within a month, by 27 December.' });
  });

  it('resolved and merged tickets run no clock', () => {
    const resolved = ticket('problem', [['created', '2026-11-30 10:00'], ['taken', '2026-11-30 10:02'], ['resolved', '2026-11-30 11:00']], at('2026-11-30 12:00'), 'resolved');
    expect(words(resolved, at('2026-11-30 12:00'))).toEqual({ tone: 'closed', text: 'Resolved: no clock runs. If the problem is back, reopen the ticket.' });
    const merged = ticket('problem', [['created', '2026-11-30 10:00'], ['resolved', '2026-11-30 10:05']], at('2026-11-30 12:00'), 'merged', 41);
    expect(words(merged, at('2026-11-30 12:00'))).toEqual({ tone: 'closed', text: 'Merged into #41: its clock runs there.' });
  });

  it('speaks the customer\'s language, in the support team\'s time', () => {
    const night = ticket('problem', [['created', '2026-11-28 03:00']], at('2026-11-28 03:00'), 'new');
    expect(words(night, at('2026-11-28 03:00'), 'ru').text).toBe(
      'Поддержка сейчас не работает; она отреагирует в понедельник до 09:20 (срок — 20 рабочих минут после вашего сообщения, в рабочее время).',
    );
    const suggestion = ticket('suggestion', [['created', '2026-11-27 10:00']], at('2026-11-27 10:00'), 'new');
    expect(words(suggestion, at('2026-11-27 10:00'), 'uk').text).toBe('Відповідь протягом місяця, до 27 грудня.');
  });
});
