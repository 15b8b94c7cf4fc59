// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AGENTS, createFakeBridge, renderConsole } from '../../../../support/fake-bridge.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at } from '../../../../support/time.ts';

setUpRendererTests();

describe('Header (R9)', () => {
  it('shows the support clock and zone, that support is closed on a Saturday night, and when it opens', async () => {
    vi.useFakeTimers({ now: at('2026-11-28 03:00'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const bridge = createFakeBridge([]);
    bridge.signIn(AGENTS.anna);
    renderConsole(bridge);
    const clock = await screen.findByRole('region', { name: 'Support clock' });
    expect(clock.textContent).toContain('Sat 28 Nov, 03:00:00');
    expect(clock.textContent).toContain('Europe/Kyiv, GMT+2');
    expect(within(clock).getByRole('status').textContent).toBe('Closed, opens Mon 09:00');
    expect(within(clock).getByText('Day off')).toBeTruthy();
  });

  it('shows working hours on a working day', async () => {
    vi.useFakeTimers({ now: at('2026-11-30 10:00'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const bridge = createFakeBridge([]);
    bridge.signIn(AGENTS.anna);
    renderConsole(bridge);
    const clock = await screen.findByRole('region', { name: 'Support clock' });
    expect(within(clock).getByRole('status').textContent).toBe('Working hours');
    expect(within(clock).getByText('Working day')).toBeTruthy();
  });
});
