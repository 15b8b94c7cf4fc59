// @vitest-environment jsdom
/**
 * A customer who signs in to the console is sent to the portal: in a browser the page becomes the
 * portal at once (the sign-in is shared), in the desktop app the console says where it is.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../../../renderer/app.tsx';
import type { ConsoleHost } from '../../../../../renderer/features/auth/portal-link.tsx';
import type { Bridge } from '../../../../../shared/ipc/bridge.ts';
import { testQueryClient, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

/** Where the console sent the browser. */
function recordingHost(): ConsoleHost & { went: string[] } {
  const went: string[] = [];
  return { go: (url) => void went.push(url), went };
}

/** The real bridge, as the desktop app's would answer app:info (the Electron host cannot run here). */
function asDesktop(bridge: Bridge): Bridge {
  return {
    on: (channel, listener) => bridge.on(channel, listener),
    invoke: async (channel, arg) => {
      const result = await bridge.invoke(channel, arg);
      return (channel === 'app:info' ? { ...(result as object), mode: 'desktop', embedded: true } : result) as typeof result;
    },
  };
}

const renderApp = (bridge: Bridge, host: ConsoleHost) => render(<App bridge={bridge} queryClient={testQueryClient()} host={host} />);

describe('the console sends customers to the portal', () => {
  const desk = useDesk({ demo: true });

  it('in a browser, a customer signing in goes to /portal of the same service, without the console ever showing', async () => {
    const host = recordingHost();
    const bridge = desk.bridge();
    renderApp(bridge, host);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Login' }), 'alpha.user');
    await userEvent.type(screen.getByLabelText('Password'), 'demo');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(host.went).toEqual([`${desk.ts.url}/portal`]));
    expect(screen.getByRole('status').textContent).toBe('Customers follow their tickets in the portal: opening it…');
    expect(screen.queryByRole('grid', { name: 'Queue' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    // Still signed in: the portal on the same origin finds the same token.
    expect(await bridge.invoke('session:get', undefined)).toMatchObject({ user: { login: 'alpha.user', kind: 'customer' } });
  });

  it('in the desktop app, says where the portal is (a link for the system browser) and offers to sign out', async () => {
    const host = recordingHost();
    renderApp(asDesktop(await desk.signedIn('alpha.user')), host);
    const link = await screen.findByRole('link', { name: 'Open the portal in your browser' });
    expect(link.getAttribute('href')).toBe(`${desk.ts.url}/portal`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('This console is for support agents. Customers follow their tickets in the portal.')).toBeTruthy();
    expect(host.went).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
  });

  it('the login screen tells customers where the portal is, in both modes', async () => {
    const browser = renderApp(desk.bridge(), recordingHost());
    const link = await screen.findByRole('link', { name: `${desk.ts.url}/portal` });
    expect(link.closest('p')?.textContent).toBe(`Customers: the portal is at ${desk.ts.url}/portal`);
    expect(link.getAttribute('target')).toBeNull();
    browser.unmount();
    renderApp(asDesktop(desk.bridge()), recordingHost());
    expect((await screen.findByRole('link', { name: `${desk.ts.url}/portal` })).getAttribute('target')).toBe('_blank');
  });

  it('leaves agents in the console', async () => {
    const host = recordingHost();
    renderApp(await desk.signedIn('anna'), host);
    expect(await screen.findByRole('grid', { name: 'Queue' })).toBeTruthy();
    expect(host.went).toEqual([]);
  });
});
