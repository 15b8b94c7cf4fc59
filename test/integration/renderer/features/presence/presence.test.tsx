// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { WebBridgeEnv } from '../../../../../renderer/bridge/web-bridge.ts';
import { openTicket } from '../../../../../renderer/features/ticket/store.ts';
import type { PresenceMessage } from '../../../../../shared/presence/index.ts';
import { memoryStorage, renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

describe('presence in the console', () => {
  const desk = useDesk();

  /** The queue row of ticket `id`. */
  const row = async (id: number) => (await within(screen.getByRole('grid', { name: 'Queue' })).findByText(`#${id}`)).closest('[role="row"]') as HTMLElement;
  /** Boris's console: a second real web bridge, signed in on its own storage. */
  const borisConsole = (overrides: Partial<WebBridgeEnv> = {}) => desk.signedIn('boris', { storage: memoryStorage(), ...overrides });

  it('shows "Boris Ivanov is typing a reply" in the queue row and the open ticket, and drops it when his console closes', async () => {
    const id = await desk.file({ subject: 'Calls drop after 30 seconds' });
    renderConsole(await desk.signedIn('anna'));
    await screen.findByLabelText('Connection: Online');
    act(() => openTicket(id));
    const ws = await screen.findByRole('region', { name: `Ticket #${id}` });

    const boris = await borisConsole();
    await boris.invoke('presence:set', { ticketId: id, typing: false });
    expect(await within(await row(id)).findByText('Boris Ivanov is viewing')).toBeTruthy();
    expect(await within(ws).findByText('Also here: Boris Ivanov')).toBeTruthy();

    await boris.invoke('presence:set', { ticketId: id, typing: true });
    const mark = await within(await row(id)).findByText('Boris Ivanov is typing a reply');
    expect(mark.closest('.presence-mark')?.getAttribute('title')).toBe('Boris Ivanov is typing a reply');
    expect(await within(ws).findByText('Also here: Boris Ivanov (typing a reply…)')).toBeTruthy();
    // Announced politely to screen readers.
    const live = ws.querySelector('[aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toBe('Boris Ivanov is typing a reply'));

    boris.dispose();
    await waitFor(() => expect(within(ws).queryByText(/Also here/)).toBeNull());
    expect(within(await row(id)).queryByText(/Boris Ivanov/)).toBeNull();
    expect(live?.textContent).toBe('');
  });

  it("tells the others while Anna writes a reply in the composer, and stops when she sends it; her own presence is not shown to her", async () => {
    const id = await desk.file({ subject: 'Autodialer stopped' });
    const boris = await borisConsole();
    const seen: PresenceMessage[] = [];
    const waiting = new Set<() => void>();
    boris.on('presence:changed', (m) => {
      seen.push(m);
      for (const w of waiting) w();
    });
    const next = async (predicate: (m: PresenceMessage) => boolean): Promise<PresenceMessage> => {
      for (let from = 0; ; ) {
        const found = seen.slice(from).find(predicate);
        if (found !== undefined) return found;
        from = seen.length;
        await new Promise<void>((resolve) => {
          const w = (): void => {
            waiting.delete(w);
            resolve();
          };
          waiting.add(w);
        });
      }
    };
    const anna = (typing: boolean) => (m: PresenceMessage) => m.type === 'presence' && m.ticketId === id && m.agents.length === 1 && m.agents[0]?.name === 'Anna Kovalenko' && m.agents[0].typing === typing;

    renderConsole(await desk.signedIn('anna'));
    await screen.findByLabelText('Connection: Online');
    act(() => openTicket(id));
    const ws = await screen.findByRole('region', { name: `Ticket #${id}` });
    await next(anna(false));

    await userEvent.click(await within(ws).findByRole('button', { name: /^Take/ }));
    await within(ws).findByText('Assignee: Anna Kovalenko');
    await userEvent.click(within(ws).getByRole('button', { name: /^Reply/ }));
    await userEvent.type(within(ws).getByRole('textbox', { name: 'Reply to the customer' }), 'We are on it.');
    await next(anna(true));
    seen.length = 0;
    await userEvent.click(within(ws).getByRole('button', { name: 'Send' }));
    await next(anna(false));
    // Anna never sees herself.
    expect(within(ws).queryByText(/Also here/)).toBeNull();
    expect(within(await row(id)).queryByText(/Anna Kovalenko is/)).toBeNull();
  });

  it('shows nothing stale while its own stream is down, and learns who is where again when it is back', async () => {
    const id = await desk.file({ subject: 'No sound on headsets' });
    // Anna's reconnect waits are held, so her console stays offline until the test lets it return.
    const held: (() => void)[] = [];
    const schedule: WebBridgeEnv['schedule'] = (run) => {
      held.push(run);
      return () => void held.splice(held.indexOf(run), 1);
    };
    renderConsole(await desk.signedIn('anna', { schedule }));
    await screen.findByLabelText('Connection: Online');
    const boris = await borisConsole();
    await boris.invoke('presence:set', { ticketId: id, typing: true });
    expect(await within(await row(id)).findByText('Boris Ivanov is typing a reply')).toBeTruthy();

    for (const socket of desk.ts.service.app.websocketServer.clients) socket.terminate();
    await screen.findByLabelText('Connection: Offline');
    expect(within(await row(id)).queryByText(/Boris Ivanov/)).toBeNull();

    // Boris's console reconnects by itself and says again where it is; Anna's snapshot brings him back.
    act(() => held.splice(0).forEach((run) => run()));
    await screen.findByLabelText('Connection: Online');
    // Boris's reconnect waits up to RECONNECT_BACKOFF's first ceiling (0.5 s) before he says it again.
    expect(await within(await row(id)).findByText('Boris Ivanov is typing a reply', {}, { timeout: 5000 })).toBeTruthy();
  });
});
