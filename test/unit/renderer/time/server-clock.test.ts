import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServerClock } from '../../../../renderer/time/server-clock.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../../shared/sla/index.ts';
import { at } from '../../../support/time.ts';

describe('server clock', () => {
  afterEach(() => vi.useRealTimers());

  it('ticks once a second for all listeners, on the service time', () => {
    vi.useFakeTimers({ now: at('2026-11-25 10:00') });
    const clock = createServerClock();
    let calls = 0;
    const off = clock.subscribe(() => calls++);
    clock.subscribe(() => {});
    clock.setOffset(5 * 60_000);
    expect(clock.now()).toBe(at('2026-11-25 10:05'));
    calls = 0;
    vi.advanceTimersByTime(3000);
    expect(calls).toBe(3);
    expect(clock.now()).toBe(at('2026-11-25 10:05') + 3000);
    off();
  });

  it('counts working time with the calendar the service reports, not its own defaults', () => {
    const clock = createServerClock();
    const saturday = at('2026-11-28 10:00');
    expect(clock.calendar().isWorkingTime(saturday)).toBe(false);
    const before = clock.calendar();
    clock.setCalendar({ ...DEFAULT_CALENDAR_CONFIG, workdays: [1, 2, 3, 4, 5, 6] });
    expect(clock.calendar().isWorkingTime(saturday)).toBe(true);
    // The same calendar again changes nothing (no re-render storm on every reconnect).
    const adopted = clock.calendar();
    clock.setCalendar({ ...DEFAULT_CALENDAR_CONFIG, workdays: [1, 2, 3, 4, 5, 6] });
    expect(clock.calendar()).toBe(adopted);
    expect(adopted).not.toBe(before);
  });
});
