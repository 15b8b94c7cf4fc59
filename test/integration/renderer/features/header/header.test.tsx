// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at } from '../../../../support/time.ts';

setUpRendererTests();

describe('Header (R9)', () => {
  const desk = useDesk();

  /** The service's clock and this machine's both at `local` (Kyiv), so the measured offset is 0. */
  const timeIs = (local: string): void => {
    desk.clock.set(at(local));
    vi.useFakeTimers({ now: at(local), toFake: ['Date', 'setInterval', 'clearInterval'] });
  };

  it('shows the support clock and zone, that support is closed on a Saturday night, and when it opens', async () => {
    timeIs('2026-11-28 03:00');
    renderConsole(await desk.signedIn('anna'));
    const clock = await screen.findByRole('region', { name: 'Support clock' });
    expect(clock.textContent).toContain('Sat 28 Nov, 03:00:00');
    expect(clock.textContent).toContain('Europe/Kyiv, GMT+2');
    expect(within(clock).getByRole('status').textContent).toBe('Closed, opens Mon 09:00');
    expect(within(clock).getByText('Day off')).toBeTruthy();
  });

  it('shows working hours on a working day', async () => {
    timeIs('2026-11-30 10:00');
    renderConsole(await desk.signedIn('anna'));
    const clock = await screen.findByRole('region', { name: 'Support clock' });
    expect(within(clock).getByRole('status').textContent).toBe('Working hours');
    expect(within(clock).getByText('Working day')).toBeTruthy();
  });

  it('follows the service\'s clock, not this machine\'s', async () => {
    // This desktop's clock says Saturday night; the service says Monday morning.
    desk.clock.set(at('2026-11-30 10:00'));
    vi.useFakeTimers({ now: at('2026-11-28 03:00'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderConsole(await desk.signedIn('anna'));
    const clock = await screen.findByRole('region', { name: 'Support clock' });
    await within(clock).findByText('Working hours');
    expect(clock.textContent).toContain('Mon 30 Nov, 10:00:00');
  });
});
