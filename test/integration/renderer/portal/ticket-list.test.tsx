// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebBridgeEnv } from '../../../../renderer/bridge/web-bridge.ts';
import { useDesk } from '../../../support/real-console.tsx';
import { renderPortal, support, useCleanHash } from '../../../support/real-portal.tsx';
import { setUpRendererTests } from '../../../support/renderer-setup.ts';
import { at } from '../../../support/time.ts';

setUpRendererTests();
useCleanHash();
// A Monday morning in working hours, on the service's clock and this one (the portal's measured offset is 0).
const monday = at('2026-11-30 10:00');
beforeEach(() => void vi.useFakeTimers({ now: monday, toFake: ['Date'] }));

/** The portal's header: the first banner (testing-library also counts each message's header, which browsers do not inside main). */
const portalHeader = (): HTMLElement => screen.getAllByRole('banner')[0] as HTMLElement;
/** The titles of a list's tickets, in order. */
const titles = (list: HTMLElement): string[] => within(list).getAllByRole('link').map((a) => a.textContent ?? '');

describe('the portal\'s ticket list', () => {
  const desk = useDesk({ start: monday });
  const anna = support(desk);

  it('lists the client\'s tickets, newest activity first, with support\'s question on top until answered (R13); resolved ones folded', async () => {
    const asked = await desk.file({ customer: 'gamma.user', subject: 'Queue loses calls', at: at('2026-11-30 09:00') });
    const older = await desk.file({ customer: 'gamma.user', subject: 'IVR menu reads the wrong prompt', at: at('2026-11-30 09:10') });
    await anna.ask(asked, 'Which queue, and since when?', at('2026-11-30 09:15'));
    const newest = await desk.file({ customer: 'gamma.user', subject: 'Reports are empty', at: at('2026-11-30 09:20') });
    const done = await desk.file({ customer: 'gamma.user', subject: 'Password reset', at: at('2026-11-30 08:00') });
    await anna.take(done, at('2026-11-30 08:05'));
    await anna.resolve(done, at('2026-11-30 08:30'));
    await desk.file({ customer: 'alpha.user', subject: 'Another client\'s ticket', at: at('2026-11-30 09:30') });

    renderPortal(await desk.signedIn('gamma.user'));
    const open = await screen.findByRole('list', { name: 'Open tickets' });
    // Newest activity first would be #newest, #asked, #older: the question keeps #asked on top.
    expect(titles(open)).toEqual([`#${asked} Queue loses calls`, `#${newest} Reports are empty`, `#${older} IVR menu reads the wrong prompt`]);
    const top = within(open).getAllByRole('listitem')[0] as HTMLElement;
    expect(top.textContent).toContain('Support asked you a question');
    expect(top.className).toContain('portal-ticket--asked');
    expect(within(open).getAllByRole('listitem')[1]?.textContent).toContain('Received, waiting for support');
    expect(top.textContent).toContain('last activity Mon 30 Nov 09:15');
    expect(within(open).getByRole('link', { name: `#${asked} Queue loses calls` }).getAttribute('href')).toBe(`#/tickets/${asked}`);
    expect(screen.queryByText('Another client\'s ticket', { exact: false })).toBeNull();

    // Resolved tickets are there, folded.
    expect(screen.queryByText(`#${done}`, { exact: false })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show resolved tickets (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(titles(screen.getByRole('list', { name: 'Resolved tickets' }))).toEqual([`#${done} Password reset`]);
    expect(screen.getByRole('button', { name: 'Hide resolved tickets (1)' }).getAttribute('aria-expanded')).toBe('true');

    // The customer answers (here through the API): the list follows live, the question's mark goes.
    await desk.act('gamma.user', `/api/v1/tickets/${asked}/messages`, { type: 'reply', body: 'Queue 7, since this morning' }, at('2026-11-30 09:40'));
    await waitFor(() => expect(within(open).getAllByRole('listitem')[0]?.textContent).toContain('Support is working on it'));
    expect(open.querySelector('.portal-ticket--asked')).toBeNull();
  });

  it('follows the list live; says when the connection is lost, and catches up with what was missed', async () => {
    // The stream's reconnect waits are held until the test lets them run, so "offline" lasts as long as the test needs.
    const held: (() => void)[] = [];
    const schedule: WebBridgeEnv['schedule'] = (run) => {
      held.push(run);
      return () => void held.splice(held.indexOf(run), 1);
    };
    renderPortal(await desk.signedIn('gamma.user', { schedule }));
    const open = await screen.findByRole('list', { name: 'Open tickets' });
    // Filed elsewhere (another browser of the same client): it appears without a reload.
    const live = await desk.file({ customer: 'gamma.user', subject: 'Filed from another browser' });
    expect(await within(open).findByRole('link', { name: `#${live} Filed from another browser` })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    for (const socket of desk.ts.service.app.websocketServer.clients) socket.terminate();
    expect((await screen.findByRole('alert')).textContent).toMatch(/connection to the ticket service is lost/);
    const missed = await desk.file({ customer: 'gamma.user', subject: 'Filed while the portal was away' });
    act(() => held.splice(0).forEach((run) => run()));
    expect(await within(open).findByRole('link', { name: `#${missed} Filed while the portal was away` })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says in words when there is nothing yet, in the customer\'s language, with the way to a new ticket', async () => {
    renderPortal(await desk.signedIn('beta.user'));
    expect(await screen.findByText('У вас поки немає заявок.', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Подати нову заявку' }).getAttribute('href')).toBe('#/new');
  });

  it('has the header on every page: client, customer, the way to the list and a new ticket, the support clock (R9), sign out', async () => {
    const id = await desk.file({ customer: 'gamma.user', subject: 'Header check', at: at('2026-11-30 09:50') });
    renderPortal(await desk.signedIn('gamma.user'));
    await screen.findByRole('list', { name: 'Open tickets' });
    const header = portalHeader();
    expect(within(header).getByText('Gamma')).toBeTruthy();
    expect(within(header).getByText('Signed in as John Carter')).toBeTruthy();
    const nav = within(header).getByRole('navigation', { name: 'Portal' });
    expect(within(nav).getByRole('link', { name: 'Your tickets' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'New ticket' }).getAttribute('href')).toBe('#/new');
    const clock = within(header).getByRole('region', { name: 'Support clock' });
    expect(clock.textContent).toContain('Mon 30 Nov, 10:00:00');
    expect(within(clock).getByRole('status').textContent).toBe('Working hours');
    expect(within(clock).getByText('Working day')).toBeTruthy();

    // Following a ticket's link opens it, with focus at the new page's heading (the link is gone).
    await userEvent.click(screen.getByRole('link', { name: `#${id} Header check` }));
    const heading = await screen.findByRole('heading', { level: 1, name: `#${id} Header check` });
    expect(document.activeElement).toBe(heading);
    expect(within(portalHeader()).getByRole('region', { name: 'Support clock' })).toBeTruthy();

    await userEvent.click(within(portalHeader()).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to the support portal' })).toBeTruthy();
  });
});
