// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Conversation as RealConversation } from '../../../renderer/features/ticket/conversation.tsx';
import { openTicket } from '../../../renderer/features/ticket/store.ts';
import { createService } from '../../../server/service.ts';
import { renderConsole, useDesk } from '../../support/real-console.tsx';
import { setUpRendererTests } from '../../support/renderer-setup.ts';

// The one stand-in: a conversation that fails to render a message containing BOOM, so a render
// error happens in a real console on real data (no real message makes our components throw).
vi.mock('../../../renderer/features/ticket/conversation.tsx', async (importOriginal) => {
  const real = await importOriginal<{ Conversation: typeof RealConversation }>();
  return {
    Conversation: (props: ComponentProps<typeof RealConversation>) => {
      if (props.messages.some((m) => m.body.includes('BOOM'))) throw new Error('cannot render message BOOM');
      return real.Conversation(props);
    },
  };
});

setUpRendererTests();

describe('render errors', () => {
  const desk = useDesk();

  it('show in words inside the failed region; the queue and other tickets keep working', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error; expected here.
    const bad = await desk.file({ subject: 'Strange message', body: 'BOOM' });
    const good = await desk.file({ subject: 'Calls drop' });
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${good}`);
    act(() => openTicket(bad));
    const failed = await screen.findByRole('region', { name: 'Ticket' });
    expect(within(failed).getByRole('alert').textContent).toBe('This part of the console failed: cannot render message BOOM. The rest still works.');
    expect(within(failed).getByRole('button', { name: 'Reload' })).toBeTruthy();
    // Trying again fails again on the same data, and says so again.
    await userEvent.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(within(await screen.findByRole('region', { name: 'Ticket' })).getByRole('alert').textContent).toMatch(/cannot render message BOOM/);
    // The queue still answers the keyboard, and opening another ticket renders it.
    const grid = screen.getByRole('grid', { name: 'Queue' });
    expect(within(grid).getByText(`#${good}`)).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    act(() => openTicket(good));
    expect(await screen.findByRole('heading', { name: `#${good} Calls drop` })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Ticket' })).toBeNull();
  });
});

describe('an unreachable ticket service', () => {
  const desk = useDesk();

  /** Stops the service (its database stays) and returns how to start it again on the same port. */
  const outage = async () => {
    const { service, db, url } = desk.ts;
    await service.close();
    return async () => {
      const again = await createService({ db, now: desk.clock.now, schedulerIntervalMs: 0, eventPollMs: 0 });
      await again.listen(Number(new URL(url).port), '127.0.0.1');
      // The desk's close() stops whichever instance runs last.
      Object.assign(service, { close: () => again.close() });
    };
  };

  it('says so with the address and retries by itself; the saved session survives; "Retry now" works too', async () => {
    const bridge = await desk.signedIn('anna');
    const url = desk.ts.url;
    let restart = await outage();
    const first = renderConsole(bridge);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch(new RegExp(`^Cannot reach the team server at ${url}; retrying in \\d+ s\\.$`)));
    expect(screen.queryByRole('heading', { name: 'Sign in to DutyDesk' })).toBeNull();
    // It tries again by itself, and waits longer after each failure (1 s, then 2 s).
    expect(alert.textContent).toMatch(/retrying in 1 s/);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/retrying in 2 s/), { timeout: 5000 });
    await restart();
    // Back with the same token: the console, not the login screen.
    expect(await screen.findByRole('grid', { name: 'Queue' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Signed in as Anna Kovalenko')).toBeTruthy();

    // Second outage, from a fresh console: the button does not wait for the timer.
    first.unmount();
    restart = await outage();
    renderConsole(desk.bridge());
    await screen.findByText(/Cannot reach the team server/);
    await restart();
    await userEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(await screen.findByRole('grid', { name: 'Queue' })).toBeTruthy();
  }, 30_000);

  it('goes to the login screen when the service says the session is no longer valid', async () => {
    localStorage.setItem('dutydesk.token', 'a-token-the-service-never-issued');
    renderConsole(desk.bridge());
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
  });
});
