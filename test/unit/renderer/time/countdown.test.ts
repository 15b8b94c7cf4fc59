import { describe, expect, it } from 'vitest';
import { countdownOf } from '../../../../renderer/time/countdown.ts';
import { createCalendar, evaluateSla, type SlaEvent, type TicketKind } from '../../../../shared/sla/index.ts';
import { at, minutes } from '../../../support/time.ts';

const calendar = createCalendar({ holidays: [] });
const sla = (kind: TicketKind, events: SlaEvent[], now: number) => evaluateSla({ kind, events }, now, { calendar });

describe('countdownOf', () => {
  const created = at('2026-11-30 10:00'); // Monday, working hours

  it('counts down a running reaction clock (R21) and names it', () => {
    const now = created + minutes(8);
    const c = countdownOf(sla('problem', [{ type: 'created', at: created }], now), now, 'en', calendar);
    expect(c).toEqual({ tone: 'running', text: '12:00', label: 'due in 12 minutes', dueAt: 'due Mon 30 Nov 10:20 support time (Europe/Kyiv)' });
  });

  it('is at risk from the warning time (5 minutes of 20 left)', () => {
    const now = created + minutes(16);
    expect(countdownOf(sla('problem', [{ type: 'created', at: created }], created), now, 'en', calendar).tone).toBe('at-risk');
  });

  it('turns breached at the due time, even if the data was fetched before it', () => {
    const status = sla('problem', [{ type: 'created', at: created }], created);
    const c = countdownOf(status, created + minutes(23), 'en', calendar);
    expect(c).toEqual({ tone: 'breached', text: '−3:00', label: 'overdue by 3 minutes', dueAt: 'due Mon 30 Nov 10:20 support time (Europe/Kyiv)' });
    // The agent's own zone joins the tooltip when it differs from the support zone.
    expect(countdownOf(status, created + minutes(23), 'en', calendar, 'Europe/London').dueAt).toBe('due Mon 30 Nov 10:20 support time (Europe/Kyiv); Mon 08:20 your time (Europe/London)');
  });

  it('says "waiting for customer" while a question is open (R13)', () => {
    const status = sla('problem', [{ type: 'created', at: created }, { type: 'question_asked', at: created + minutes(2) }], created + minutes(3));
    expect(countdownOf(status, created + minutes(3), 'en', calendar)).toMatchObject({ tone: 'paused', text: 'waiting for customer' });
  });

  it('says when a business-hours clock starts again outside working hours (R7)', () => {
    const friday = at('2026-11-27 17:55');
    const now = at('2026-11-28 11:00'); // Saturday
    const c = countdownOf(sla('problem', [{ type: 'created', at: friday }], now), now, 'en', calendar);
    expect(c.tone).toBe('off-hours');
    expect(c.text).toBe('starts Mon 09:00');
    expect(c.label).toBe('starts Mon 09:00, then due in 15 minutes');
    expect(countdownOf(sla('problem', [{ type: 'created', at: friday }], now), now, 'ru', calendar).text).toBe('начнётся пн 09:00');
  });

  it('keeps counting an escalation clock around the clock (R25)', () => {
    const now = at('2026-11-28 11:05');
    const status = sla('problem', [{ type: 'created', at: at('2026-11-27 17:55') }, { type: 'escalated', at: at('2026-11-28 11:00') }], now);
    expect(countdownOf(status, now, 'en', calendar)).toMatchObject({ tone: 'running', label: 'due in 15 minutes' });
  });
});
