// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WebBridgeEnv } from '../../../../../renderer/bridge/web-bridge.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

describe('connection state', () => {
  const desk = useDesk();

  it('shows a banner while a lost connection recovers, clears it, and shows what changed meanwhile', async () => {
    const first = await desk.file({ subject: 'Calls drop' });
    // The stream's reconnect waits are held until the test lets them run, so "offline" lasts as long as the test needs.
    const held: (() => void)[] = [];
    const schedule: WebBridgeEnv['schedule'] = (run) => {
      held.push(run);
      return () => void held.splice(held.indexOf(run), 1);
    };
    renderConsole(await desk.signedIn('anna', { schedule }));
    await screen.findByText(`#${first}`);
    expect(await screen.findByLabelText('Connection: Online')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    for (const socket of desk.ts.service.app.websocketServer.clients) socket.terminate();
    expect((await screen.findByRole('alert')).textContent).toMatch(/connection to the ticket service is lost/);
    expect(screen.getByLabelText('Connection: Offline')).toBeTruthy();

    const missed = await desk.file({ subject: 'Filed while the console was away' });
    expect(held.length).toBeGreaterThan(0);
    act(() => held.splice(0).forEach((run) => run()));
    expect(await screen.findByLabelText('Connection: Online')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await within(screen.getByRole('grid', { name: 'Queue' })).findByText(`#${missed}`)).toBeTruthy();
  });

  it('opens the ticket a notification was clicked for', async () => {
    // jsdom has no Web Notifications API: this stands in for the browser's, and the test clicks.
    const shown: { title: string; click: () => void }[] = [];
    const notifications: WebBridgeEnv['notifications'] = {
      permission: () => 'granted',
      request: async () => 'granted',
      show: (title, _options, click) => void shown.push({ title, click }),
    };
    // jsdom cannot focus a window either.
    renderConsole(await desk.signedIn('anna', { notifications, focusWindow: () => {} }));
    await screen.findByLabelText('Connection: Online');
    const id = await desk.file({ subject: 'Autodialer stopped' });
    await screen.findByText(`#${id}`);
    expect(shown).toHaveLength(1);
    act(() => shown[0]?.click());
    expect(await screen.findByRole('region', { name: `Ticket #${id}` })).toBeTruthy();
  });
});
