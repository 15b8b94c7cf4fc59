// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SupportClockPanel } from '../../../../../renderer/features/clock/support-clock-panel.tsx';
import { createCalendar } from '../../../../../shared/sla/index.ts';
import { at } from '../../../../support/time.ts';

const calendar = createCalendar({ holidays: [] });

describe('SupportClockPanel (R9)', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the support time and zone, and that support is closed with the next opening', () => {
    vi.useFakeTimers({ now: at('2026-11-28 03:00') }); // Saturday night in Kyiv
    render(<SupportClockPanel calendar={calendar} />);
    expect(screen.getByText(/Sat 28 Nov, 03:00/)).toBeTruthy();
    expect(screen.getByText(/Europe\/Kyiv, GMT\+2/)).toBeTruthy();
    expect(screen.getByText('Today is not a working day.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Support is closed; it opens Mon 30 Nov, 09:00.');
  });

  it('follows the clock as time passes', () => {
    vi.useFakeTimers({ now: at('2026-11-30 08:59:59.500') });
    render(<SupportClockPanel calendar={calendar} />);
    expect(screen.getByRole('status').textContent).toMatch(/closed/);
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('status').textContent).toBe('Support is working now.');
  });
});
