// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { whyNotActionable } from '../../../../../renderer/features/ticket/permissions.ts';
import type { countdownOf } from '../../../../../renderer/time/countdown.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

// Every countdown and every row's "why can I not act on it" the console works out, counted (the real functions still answer).
const counted = vi.hoisted(() => ({ countdowns: 0, reasons: 0 }));
vi.mock('../../../../../renderer/time/countdown.ts', async (original) => {
  const real = await original<{ countdownOf: typeof countdownOf }>();
  return { ...real, countdownOf: (...args: Parameters<typeof countdownOf>) => (counted.countdowns++, real.countdownOf(...args)) };
});
vi.mock('../../../../../renderer/features/ticket/permissions.ts', async (original) => {
  const real = await original<{ whyNotActionable: typeof whyNotActionable }>();
  return { ...real, whyNotActionable: (...args: Parameters<typeof whyNotActionable>) => (counted.reasons++, real.whyNotActionable(...args)) };
});

setUpRendererTests();

const monday = at('2026-11-30 10:00');
const ROW_HEIGHT = 32;
const TICKETS = 60;

// The queue scrolls smoothly through 10,000 rows only if a scrolled frame renders the rows that
// come into view and no other (docs/benchmarks.md, the console in Chromium).
describe('scrolling the queue', () => {
  const desk = useDesk({ start: monday });
  beforeAll(async () => {
    for (let i = 0; i < TICKETS; i++) await desk.file({ subject: `Calls drop ${i}`, at: monday - minutes(TICKETS - i) });
  });

  it('renders only the rows that come into view, not again the rows that stay', async () => {
    vi.useFakeTimers({ now: monday, toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderConsole(await desk.signedIn('anna'));
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    await waitFor(() => expect(grid.getAttribute('aria-rowcount')).toBe(String(TICKETS + 1)));
    const shown = () => new Set([...grid.querySelectorAll('[role="row"][id^="queue-row-"]')].map((r) => r.id));
    const before = shown();
    expect(before.size).toBeGreaterThan(20);

    // 14 rows down (past the 12 rows kept beyond each edge): 14 rows come into view at the bottom, 2 leave at the top.
    counted.countdowns = 0;
    counted.reasons = 0;
    let scrollTop = 14 * ROW_HEIGHT;
    vi.spyOn(grid, 'scrollTop', 'get').mockImplementation(() => scrollTop);
    fireEvent.scroll(grid);
    await waitFor(() => expect(grid.querySelector('[aria-rowindex="2"]')).toBeNull());
    const after = shown();
    const entered = [...after].filter((id) => !before.has(id));
    expect(entered).toHaveLength(14);
    // The 30 rows that stayed on screen were not rendered again: one countdown and one reason per row that came in.
    expect(counted.countdowns).toBe(entered.length);
    expect(counted.reasons).toBe(entered.length);

    // Back to the top: the two rows come back, nothing else renders.
    counted.countdowns = 0;
    counted.reasons = 0;
    scrollTop = 0;
    fireEvent.scroll(grid);
    await waitFor(() => expect(grid.querySelector('[aria-rowindex="2"]')).not.toBeNull());
    const back = [...shown()].filter((id) => !after.has(id));
    expect(back).toHaveLength(2);
    expect(counted.countdowns).toBe(back.length);
    // Their reasons were worked out before they left: none again.
    expect(counted.reasons).toBe(0);
  });
});
