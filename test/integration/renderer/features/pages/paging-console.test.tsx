// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebBridgeEnv } from '../../../../../renderer/bridge/web-bridge.ts';
import type { ServiceEvent } from '../../../../../shared/model/index.ts';
import { SATURDAY_3AM } from '../../../../support/clock.ts';
import { renderConsole, useDesk, type Desk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { minutes } from '../../../../support/time.ts';
import { setRoster } from '../oncall/roster-setup.ts';

setUpRendererTests();

interface Shown {
  readonly title: string;
  readonly body: string;
  readonly requireInteraction: boolean;
  readonly silent: boolean;
  readonly click: () => void;
}

/** Browser notifications, granted, recorded as the web bridge shows them. */
const recorder = () => {
  const shown: Shown[] = [];
  const notifications: WebBridgeEnv['notifications'] = {
    permission: () => 'granted',
    request: async () => 'granted',
    show: (title, options, click) => void shown.push({ title, body: options.body, requireInteraction: options.requireInteraction, silent: options.silent, click }),
  };
  // jsdom cannot focus a window either.
  return { shown, env: { notifications, focusWindow: () => {} } };
};

/** alpha.user files a ticket and escalates it at the desk's current instant (after hours: it pages the primary). */
const escalate = async (desk: Desk, subject: string): Promise<number> => {
  const id = await desk.file({ subject });
  await desk.act('alpha.user', `/api/v1/tickets/${id}/escalate`, { justification: 'our call centre cannot take any calls right now' });
  return id;
};

describe('pages in the console (Saturday 03:00 in Kyiv, boris primary on call)', () => {
  const desk = useDesk({ start: SATURDAY_3AM });

  beforeAll(async () => {
    await setRoster(desk);
  });

  it('notifies boris urgently and not anna; the ticket shows Acknowledge in front; boris acknowledges and it shows who and when', async () => {
    const boris = recorder();
    const anna = recorder();
    const borisBridge = await desk.signedIn('boris', boris.env);
    // Anna's console is another browser: its own storage, so her token does not replace boris's.
    const own = new Map<string, string>();
    const storage = { getItem: (k: string) => own.get(k) ?? null, setItem: (k: string, v: string) => void own.set(k, v), removeItem: (k: string) => void own.delete(k) };
    const annaBridge = await desk.signedIn('anna', { ...anna.env, storage });
    const annaSaw: ServiceEvent[] = [];
    annaBridge.on('service:event', (e) => annaSaw.push(e));
    renderConsole(borisBridge);
    await screen.findByLabelText('Connection: Online');

    const id = await escalate(desk, 'All inbound lines are down');
    await waitFor(() => expect(boris.shown.map((s) => s.title)).toContain(`Page: #${id} needs you now`));
    const page = boris.shown.find((s) => s.title === `Page: #${id} needs you now`);
    expect(page).toMatchObject({ body: 'All inbound lines are down', requireInteraction: true, silent: false });
    // Anna is an agent: the page event reaches her console, but the page is not hers.
    await waitFor(() => expect(annaSaw.some((e) => e.type === 'page.triggered' && e.ticketId === id)).toBe(true));
    expect(anna.shown.filter((s) => s.title.startsWith('Page:'))).toEqual([]);

    act(() => page?.click());
    const workspace = await screen.findByRole('region', { name: `Ticket #${id}` });
    const toolbar = await within(workspace).findByRole('toolbar', { name: 'Actions' });
    const acknowledge = await within(toolbar).findByRole('button', { name: 'Acknowledge' });
    expect(within(toolbar).getAllByRole('button')[0]).toBe(acknowledge);
    expect(acknowledge.className).toContain('primary');

    await userEvent.click(acknowledge);
    const status = await within(toolbar).findByText(/Acknowledged by Boris Ivanov at/);
    expect(status.textContent).toContain('Sat 28 Nov, 03:00');
    expect(within(toolbar).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    // The service holds it acknowledged by boris.
    const r = await desk.ts.request('GET', '/api/v1/pages', { token: await desk.ts.login('sofia') });
    expect(r.body.pages.find((p: { ticketId: number }) => p.ticketId === id)).toMatchObject({ state: 'acknowledged', acknowledgedBy: { name: 'Boris Ivanov' } });
  });

  it('a page that came while boris\'s console was closed is shown when he signs in', async () => {
    desk.clock.set(SATURDAY_3AM + minutes(20));
    const id = await escalate(desk, 'Voicemail is silent');
    const boris = recorder();
    renderConsole(await desk.signedIn('boris', boris.env));
    await waitFor(() => expect(boris.shown.map((s) => s.title)).toEqual([`Page: #${id} needs you now`]));
    expect(boris.shown[0]).toMatchObject({ body: 'Voicemail is silent', requireInteraction: true });

    act(() => boris.shown[0]?.click());
    const workspace = await screen.findByRole('region', { name: `Ticket #${id}` });
    expect(await within(workspace).findByRole('button', { name: 'Acknowledge' })).toBeTruthy();
  });
});
