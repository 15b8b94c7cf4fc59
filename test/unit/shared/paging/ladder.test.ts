/** The paging ladder with an injected clock: ack, no ack (level by level), loops, reminders, closing, empty levels. */
import { describe, expect, it } from 'vitest';
import { acknowledge, closePage, DEFAULT_PAGING, onDue, pagingSettings, startPage, type LadderPage, type PagingRoster } from '../../../../shared/paging/ladder.ts';
import { fakeClock, SATURDAY_3AM } from '../../../support/clock.ts';

const MIN = 60_000;
const P = 1;
const S = 2;
const M1 = 7;
const M2 = 8;
const full: PagingRoster = { primary: P, secondary: S, managers: [M1, M2] };
const settings = DEFAULT_PAGING;

function mustStart(roster: PagingRoster, at: number): LadderPage {
  const page = startPage(roster, at, settings);
  if (page === null) throw new Error('expected a page');
  return page;
}

/** Runs the ladder forward with no acknowledgement; returns each step it pages, and whether it ran out. */
function climb(roster: PagingRoster, limit = 20): { steps: [string, number, readonly number[]][]; exhaustedAt: number | null } {
  const clock = fakeClock(SATURDAY_3AM);
  let page = mustStart(roster, clock.now());
  const steps: [string, number, readonly number[]][] = [[page.level, page.attempt, page.paged]];
  for (let i = 0; i < limit; i++) {
    clock.advance(settings.ackTimeoutMs);
    const action = onDue(page, roster, clock.now(), settings);
    if (action.kind === 'exhausted') return { steps, exhaustedAt: clock.now() };
    if (action.kind !== 'escalate') throw new Error(`unexpected ${action.kind}`);
    page = action.page;
    steps.push([page.level, page.attempt, page.paged]);
  }
  return { steps, exhaustedAt: null };
}

describe('paging ladder', () => {
  it('pages the primary first, due after the ack timeout', () => {
    expect(mustStart(full, SATURDAY_3AM)).toEqual({ state: 'open', level: 'primary', attempt: 1, paged: [P], nextAt: SATURDAY_3AM + 5 * MIN, acknowledgedBy: null });
  });

  it('is not due before the ack timeout', () => {
    const page = mustStart(full, SATURDAY_3AM);
    expect(onDue(page, full, SATURDAY_3AM + 5 * MIN - 1, settings)).toEqual({ kind: 'none' });
  });

  it('without an ack escalates level by level and starts again from the primary, maxLoops passes, then stops', () => {
    const { steps, exhaustedAt } = climb(full);
    const pass = (n: number) => [['primary', n, [P]], ['secondary', n, [S]], ['managers', n, [M1, M2]]];
    expect(steps).toEqual([...pass(1), ...pass(2), ...pass(3)]);
    expect(exhaustedAt).toBe(SATURDAY_3AM + 9 * 5 * MIN);
  });

  it('maxLoops 1 stops after the managers', () => {
    const one = pagingSettings({ maxLoops: 1 });
    let page = mustStart(full, 0);
    page = (onDue(page, full, page.nextAt ?? 0, one) as { page: LadderPage }).page;
    page = (onDue(page, full, page.nextAt ?? 0, one) as { page: LadderPage }).page;
    expect(page.level).toBe('managers');
    expect(onDue(page, full, page.nextAt ?? 0, one)).toMatchObject({ kind: 'exhausted', page: { state: 'open', nextAt: null } });
  });

  it('skips a level with nobody on it', () => {
    expect(climb({ primary: P, secondary: null, managers: [M1] }).steps.slice(0, 3)).toEqual([
      ['primary', 1, [P]],
      ['managers', 1, [M1]],
      ['primary', 2, [P]],
    ]);
    expect(climb({ primary: null, secondary: null, managers: [M1] }).steps).toEqual([
      ['managers', 1, [M1]],
      ['managers', 2, [M1]],
      ['managers', 3, [M1]],
    ]);
    // The same agent on both layers is paged once per pass.
    expect(climb({ primary: P, secondary: P, managers: [] }).steps).toEqual([
      ['primary', 1, [P]],
      ['primary', 2, [P]],
      ['primary', 3, [P]],
    ]);
  });

  it('starts no page when nobody at all can be paged', () => {
    expect(startPage({ primary: null, secondary: null, managers: [] }, 0, settings)).toBeNull();
  });

  it('asks the roster again at each step: a hand-over between steps pages the new secondary', () => {
    const page = mustStart(full, 0);
    const after = onDue(page, { ...full, secondary: 5 }, 5 * MIN, settings);
    expect(after).toMatchObject({ kind: 'escalate', page: { level: 'secondary', paged: [5] } });
  });

  it('an acknowledgement by the paged agent stops escalation and reminds after remindAfter, again and again', () => {
    const clock = fakeClock(SATURDAY_3AM);
    const page = mustStart(full, clock.now());
    clock.advance(2 * MIN);
    const acked = acknowledge(page, { agentId: P, manager: false }, [P], clock.now(), settings);
    expect(acked).toEqual({ ok: true, page: { ...page, state: 'acknowledged', acknowledgedBy: P, nextAt: clock.now() + 15 * MIN } });
    if (!acked.ok) throw new Error('unreachable');
    // Past the ack timeout nothing escalates.
    clock.advance(5 * MIN);
    expect(onDue(acked.page, full, clock.now(), settings)).toEqual({ kind: 'none' });
    clock.advance(10 * MIN);
    const first = onDue(acked.page, full, clock.now(), settings);
    expect(first).toEqual({ kind: 'remind', page: { ...acked.page, paged: [P], nextAt: clock.now() + 15 * MIN } });
    if (first.kind !== 'remind') throw new Error('unreachable');
    clock.advance(15 * MIN);
    expect(onDue(first.page, full, clock.now(), settings)).toMatchObject({ kind: 'remind', page: { acknowledgedBy: P, nextAt: clock.now() + 15 * MIN } });
  });

  it('an earlier level may still acknowledge after an escalation; others may not, managers always may', () => {
    const page = mustStart(full, 0);
    const escalated = onDue(page, full, 5 * MIN, settings);
    if (escalated.kind !== 'escalate') throw new Error('expected escalate');
    expect(acknowledge(escalated.page, { agentId: P, manager: false }, [P, S], 6 * MIN, settings)).toMatchObject({ ok: true, page: { acknowledgedBy: P } });
    expect(acknowledge(escalated.page, { agentId: 3, manager: false }, [P, S], 6 * MIN, settings)).toEqual({ ok: false, refusal: 'not_paged' });
    expect(acknowledge(escalated.page, { agentId: M1, manager: true }, [P, S], 6 * MIN, settings)).toMatchObject({ ok: true, page: { acknowledgedBy: M1 } });
  });

  it('refuses a second acknowledgement and one of a closed page', () => {
    const page = mustStart(full, 0);
    const acked = acknowledge(page, { agentId: P, manager: false }, [P], 1, settings);
    if (!acked.ok) throw new Error('unreachable');
    expect(acknowledge(acked.page, { agentId: P, manager: false }, [P], 2, settings)).toEqual({ ok: false, refusal: 'already_acknowledged' });
    expect(acknowledge(closePage(page), { agentId: P, manager: false }, [P], 2, settings)).toEqual({ ok: false, refusal: 'closed' });
  });

  it('a closed page never comes due', () => {
    const closed = closePage(mustStart(full, 0));
    expect(closed).toMatchObject({ state: 'closed', nextAt: null });
    expect(onDue(closed, full, 10 ** 13, settings)).toEqual({ kind: 'none' });
  });

  it('accepts an ack timeout from one minute, refuses shorter', () => {
    expect(pagingSettings({ ackTimeoutMs: MIN }).ackTimeoutMs).toBe(MIN);
    expect(() => pagingSettings({ ackTimeoutMs: MIN - 1 })).toThrow(/at least 60000/);
    expect(() => pagingSettings({ maxLoops: 0 })).toThrow(/maxLoops/);
    expect(pagingSettings()).toEqual({ ackTimeoutMs: 5 * MIN, maxLoops: 3, remindAfterMs: 15 * MIN });
  });
});
