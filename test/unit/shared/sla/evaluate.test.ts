import { describe, expect, it } from 'vitest';
import { createCalendar, DEFAULT_POLICY, evaluateSla, type SlaEvent, type SlaEventType, type TicketKind } from '../../../../shared/sla/index.ts';
import { at, hours, minutes, wall } from '../../../support/time.ts';

const calendar = createCalendar({ holidays: [] });
const ev = (type: SlaEventType, local: string): SlaEvent => ({ type, at: at(local) });
const sla = (kind: TicketKind, events: SlaEvent[], now: string, policy = DEFAULT_POLICY) =>
  evaluateSla({ kind, events }, at(now), { calendar, policy });

describe('evaluateSla: reaction targets', () => {
  it('gives a problem 20 working minutes to react (R21)', () => {
    const s = sla('problem', [ev('created', '2026-11-25 10:00')], '2026-11-25 10:05');
    expect(s.state).toBe('running');
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-25 10:20');
    expect(s.remainingMs).toBe(minutes(15));
    expect(s.ticking).toBe(true);
    expect(s.resumesAt).toBeNull();
    expect(s.clocks).toEqual([
      expect.objectContaining({ target: 'reaction', calendar: 'business', startedAt: at('2026-11-25 10:00'), stoppedAt: null, breached: false }),
    ]);
  });

  it('gives a bug the same 20 minutes and a question 60 (R21, R24)', () => {
    expect(wall(sla('bug', [ev('created', '2026-11-25 10:00')], '2026-11-25 10:00').dueAt ?? 0)).toBe('2026-11-25 10:20');
    expect(wall(sla('question', [ev('created', '2026-11-25 10:00')], '2026-11-25 10:00').dueAt ?? 0)).toBe('2026-11-25 11:00');
  });

  it('does not tick outside working hours, and says when it resumes (R7)', () => {
    const s = sla('problem', [ev('created', '2026-11-27 17:55')], '2026-11-28 12:00'); // Friday -> Saturday
    expect(s.state).toBe('running');
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-30 09:15');
    expect(s.ticking).toBe(false);
    expect(wall(s.resumesAt ?? 0)).toBe('2026-11-30 09:00');
  });

  it('gives a suggestion one calendar month, even from 31 January (R23)', () => {
    const s = sla('suggestion', [ev('created', '2026-01-31 10:00')], '2026-02-01 10:00');
    expect(wall(s.dueAt ?? 0)).toBe('2026-02-28 10:00');
    expect(s.ticking).toBe(true); // calendar time runs at night and weekends
    expect(s.clocks[0]?.calendar).toBe('continuous');
  });

  it('stops a suggestion clock only with an answer, not by taking it (R23)', () => {
    const taken = sla('suggestion', [ev('created', '2026-01-31 10:00'), ev('taken', '2026-01-31 11:00')], '2026-02-01 10:00');
    expect(taken.state).toBe('running');
    const answered = sla('suggestion', [ev('created', '2026-01-31 10:00'), ev('agent_replied', '2026-02-10 11:00')], '2026-02-11 10:00');
    expect(answered.state).toBe('idle');
    expect(answered.clocks[0]?.stoppedAt).toBe(at('2026-02-10 11:00'));
  });
});

describe('evaluateSla: reactions stop the clock (R21)', () => {
  it.each(['taken', 'question_asked', 'agent_replied'] as const)('%s is a reaction', (reaction) => {
    const s = sla('problem', [ev('created', '2026-11-25 10:00'), ev(reaction, '2026-11-25 10:12')], '2026-11-25 11:00');
    expect(s.state).toBe(reaction === 'question_asked' ? 'paused' : 'idle');
    expect(s.dueAt).toBeNull();
    expect(s.remainingMs).toBeNull();
    expect(s.clocks[0]).toMatchObject({ stoppedAt: at('2026-11-25 10:12'), breached: false });
  });

  it('waits for the customer after a clarifying question (R13), and restarts 20 minutes on the answer', () => {
    const events = [ev('created', '2026-11-25 10:00'), ev('question_asked', '2026-11-25 10:05')];
    expect(sla('problem', events, '2026-11-26 15:00').state).toBe('paused');
    const answered = sla('problem', [...events, ev('customer_replied', '2026-11-26 14:00')], '2026-11-26 14:01');
    expect(answered.state).toBe('running');
    expect(wall(answered.dueAt ?? 0)).toBe('2026-11-26 14:20');
    expect(answered.clocks).toHaveLength(2);
  });

  it('does not move the deadline on a second customer message before any reaction (ANCHORS 2)', () => {
    const s = sla('problem', [ev('created', '2026-11-25 10:00'), ev('customer_replied', '2026-11-25 10:10')], '2026-11-25 10:11');
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-25 10:20');
    expect(s.clocks).toHaveLength(1);
  });

  it('is paused only while the latest question is unanswered', () => {
    const events = [
      ev('created', '2026-11-25 10:00'),
      ev('question_asked', '2026-11-25 10:05'),
      ev('customer_replied', '2026-11-25 11:00'),
      ev('taken', '2026-11-25 11:05'),
    ];
    expect(sla('problem', events, '2026-11-25 12:00').state).toBe('idle');
  });
});

describe('evaluateSla: breaches', () => {
  const created = [ev('created', '2026-11-25 10:00')];

  it('is breached once a running clock reaches its due time', () => {
    expect(sla('problem', created, '2026-11-25 10:19:59.999').state).toBe('running');
    const s = sla('problem', created, '2026-11-25 10:20');
    expect(s.state).toBe('breached');
    expect(s.clocks[0]?.breached).toBe(true);
    expect(sla('problem', created, '2026-11-25 10:30').remainingMs).toBe(-minutes(10));
  });

  it('marks a clock stopped after its due time as breached, and one stopped at it as met', () => {
    const late = sla('problem', [...created, ev('taken', '2026-11-25 10:20:00.001')], '2026-11-25 12:00');
    expect(late.state).toBe('idle');
    expect(late.clocks[0]?.breached).toBe(true);
    const onTime = sla('problem', [...created, ev('taken', '2026-11-25 10:20')], '2026-11-25 12:00');
    expect(onTime.clocks[0]?.breached).toBe(false);
  });
});

describe('evaluateSla: escalation (R12, R25)', () => {
  it('runs a 20-minute round-the-clock clock beside the running regular clock; the earliest is due', () => {
    const events = [ev('created', '2026-11-27 17:50'), ev('escalated', '2026-11-27 19:00')]; // Friday evening
    const s = sla('problem', events, '2026-11-27 19:05');
    expect(s.escalated).toBe(true);
    expect(s.clocks.map((c) => [c.target, wall(c.dueAt)])).toEqual([
      ['reaction', '2026-11-30 09:10'],
      ['escalation', '2026-11-27 19:20'],
    ]);
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-27 19:20');
    expect(s.ticking).toBe(true);
  });

  it('uses the escalation target for every new clock until resolved', () => {
    const events = [
      ev('created', '2026-11-27 17:50'),
      ev('escalated', '2026-11-27 19:00'),
      ev('taken', '2026-11-27 19:10'),
      ev('customer_replied', '2026-11-28 03:00'),
    ];
    const s = sla('question', events, '2026-11-28 03:01');
    expect(s.clocks.at(-1)).toMatchObject({ target: 'escalation', startedAt: at('2026-11-28 03:00') });
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-28 03:20');
  });

  it('ends with resolution: a reopened ticket gets its regular target again', () => {
    const events = [
      ev('created', '2026-11-25 10:00'),
      ev('escalated', '2026-11-25 10:01'),
      ev('resolved', '2026-11-25 10:30'),
      ev('reopened', '2026-11-25 11:00'),
    ];
    const s = sla('question', events, '2026-11-25 11:01');
    expect(s.escalated).toBe(false);
    expect(s.clocks.at(-1)).toMatchObject({ target: 'consultation' });
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-25 12:00');
  });
});

describe('evaluateSla: resolution', () => {
  it('closes the ticket and stops every clock', () => {
    const events = [ev('created', '2026-11-25 10:00'), ev('escalated', '2026-11-25 10:05'), ev('resolved', '2026-11-25 10:10')];
    const s = sla('problem', events, '2026-11-25 12:00');
    expect(s.state).toBe('closed');
    expect(s.dueAt).toBeNull();
    expect(s.clocks.every((c) => c.stoppedAt === at('2026-11-25 10:10') && !c.breached)).toBe(true);
  });

  it('ignores messages on a closed ticket until it is reopened', () => {
    const events = [ev('created', '2026-11-25 10:00'), ev('resolved', '2026-11-25 10:10'), ev('customer_replied', '2026-11-25 10:20')];
    expect(sla('problem', events, '2026-11-25 12:00').state).toBe('closed');
    const reopened = sla('problem', [...events, ev('reopened', '2026-11-25 13:00')], '2026-11-25 13:05');
    expect(reopened.state).toBe('running');
    expect(wall(reopened.dueAt ?? 0)).toBe('2026-11-25 13:20');
  });

  it('keeps every clock of the ticket life in order (ANCHORS 4)', () => {
    const events = [
      ev('created', '2026-11-25 10:00'),
      ev('question_asked', '2026-11-25 10:10'),
      ev('customer_replied', '2026-11-25 11:00'),
      ev('agent_replied', '2026-11-25 11:30'),
      ev('resolved', '2026-11-25 11:40'),
    ];
    const s = sla('problem', events, '2026-11-25 12:00');
    expect(s.clocks.map((c) => [wall(c.startedAt), wall(c.dueAt), c.stoppedAt && wall(c.stoppedAt), c.breached])).toEqual([
      ['2026-11-25 10:00', '2026-11-25 10:20', '2026-11-25 10:10', false],
      ['2026-11-25 11:00', '2026-11-25 11:20', '2026-11-25 11:30', true],
    ]);
  });

  it('is idle with no clock and no question', () => {
    expect(sla('problem', [], '2026-11-25 12:00')).toMatchObject({ state: 'idle', dueAt: null, clocks: [] });
  });
});

describe('evaluateSla: policy and warnings', () => {
  it('takes its numbers from the policy', () => {
    const policy = { ...DEFAULT_POLICY, targets: { ...DEFAULT_POLICY.targets, reaction: { ...DEFAULT_POLICY.targets.reaction, duration: { ms: hours(2) } } } };
    expect(wall(sla('problem', [ev('created', '2026-11-25 17:00')], '2026-11-25 17:00', policy).dueAt ?? 0)).toBe('2026-11-26 10:00');
  });

  it('warns when 25 % or 5 minutes remain, whichever comes first, in the clock own time', () => {
    const warnOf = (kind: TicketKind, created: string) => wall(sla(kind, [ev('created', created)], created).clocks[0]?.warnAt ?? 0);
    expect(warnOf('problem', '2026-11-25 10:00')).toBe('2026-11-25 10:15'); // 5 min = 25 % of 20
    expect(warnOf('question', '2026-11-25 10:00')).toBe('2026-11-25 10:45'); // 25 % of 60 = 15 min
    expect(warnOf('problem', '2026-11-25 17:50')).toBe('2026-11-26 09:05'); // working time, across the night
  });

  it('uses the default calendar (Kyiv, 09:00-18:00) when none is given', () => {
    const s = evaluateSla({ kind: 'problem', events: [{ type: 'created', at: at('2026-11-28 10:00') }] }, at('2026-11-28 10:00'));
    expect(wall(s.dueAt ?? 0)).toBe('2026-11-30 09:20');
  });
});
