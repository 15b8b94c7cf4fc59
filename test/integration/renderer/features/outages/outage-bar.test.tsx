// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WebBridgeEnv } from '../../../../../renderer/bridge/web-bridge.ts';
import type { Bridge } from '../../../../../shared/ipc/bridge.ts';
import { renderConsole, useDesk, type Desk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { SATURDAY_3AM } from '../../../../support/clock.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();
// Whole consoles against a real service, each step a real round trip: room for a busy machine (no speed is asserted).
const HEAVY = { timeout: 20_000 };

// A Monday morning, working hours: the queue is not narrowed.
const monday = at('2026-11-30 10:00');

/** Another browser: its own storage, so a second agent's token does not replace the first one's. */
const ownStorage = (): WebBridgeEnv['storage'] => {
  const own = new Map<string, string>();
  return { getItem: (k) => own.get(k) ?? null, setItem: (k, v) => void own.set(k, v), removeItem: (k) => void own.delete(k) };
};

/** Browser notifications, granted, recorded as the web bridge shows them. */
const recorder = () => {
  const shown: { title: string; body: string }[] = [];
  const notifications: WebBridgeEnv['notifications'] = {
    permission: () => 'granted',
    request: async () => 'granted',
    show: (title, options) => void shown.push({ title, body: options.body }),
  };
  return { shown, env: { notifications, focusWindow: () => {} } };
};

/** The service's clock and this machine's both at `ms` (the console's measured offset is 0); the 1-second tick is driven by hand. */
const timeIs = (desk: Desk, ms: number): void => {
  desk.clock.set(ms);
  vi.useFakeTimers({ now: ms, toFake: ['Date', 'setInterval', 'clearInterval'] });
};
/** Moves both clocks on by `ms` and lets the shared tick fire. */
const advance = (desk: Desk, ms: number): void =>
  act(() => {
    desk.clock.advance(ms);
    vi.advanceTimersByTime(ms);
  });

const bar = () => screen.findByRole('region', { name: 'Open outages' });
/** The bar's line of the outage with this summary, and the outage's number as it shows. */
const line = async (summary: string): Promise<{ it: HTMLElement; id: number }> => {
  const it = (await within(await bar()).findByText(summary)).closest('li') as HTMLElement;
  return { it, id: Number(/#(\d+)/.exec(within(it).getByRole('button').textContent ?? '')?.[1]) };
};

describe('the outage bar', HEAVY, () => {
  const desk = useDesk({ start: monday });

  it('appears in boris\'s console when anna declares from hers: groups, tickets, downtime and the 30-minute countdown, ticking', async () => {
    timeIs(desk, monday);
    const alpha = await desk.file({ subject: 'Autodialer makes no calls', at: monday - minutes(5) });
    const notes = recorder();
    renderConsole(await desk.signedIn('boris', notes.env));
    await screen.findByLabelText('Connection: Online');
    expect(screen.queryByRole('region', { name: 'Open outages' })).toBeNull();

    const anna: Bridge = await desk.signedIn('anna', { storage: ownStorage() });
    const declared = await anna.invoke('outages:command', { command: 'declare', ticketId: alpha, groups: ['autodialer'], summary: 'Trunk provider down' });
    const id = declared.outage.id;

    const { it } = await line('Trunk provider down');
    expect(within(it).getByRole('button').textContent).toBe(`Outage #${id}: Autodialer`);
    expect(it.textContent).toContain('1 ticket');
    // Downtime from the ticket's receipt five minutes ago (R19), not from the declaration.
    expect(it.textContent).toContain('down 5 minutes');
    const timer = within(it).getByRole('timer');
    expect(timer.textContent).toBe('25:00');
    expect(timer.getAttribute('aria-label')).toBe('25 minutes left to restore (R18)');
    expect(timer.className).toContain('countdown--running');

    advance(desk, 61_000);
    expect(timer.textContent).toBe('23:59');
    // The last ten minutes are at risk (the service warns then).
    advance(desk, minutes(13) + 59_000);
    expect(timer.textContent).toBe('10:00');
    expect(timer.className).toContain('countdown--at-risk');
    // Every agent hears of a declared outage (shared/notifications).
    await waitFor(() => expect(notes.shown).toContainEqual({ title: `Outage #${id} declared: Autodialer`, body: `From #${alpha} Autodialer makes no calls` }));
    await anna.invoke('outages:command', { command: 'restore', id });
  });

  it('turns red past the 30-minute limit and says by how much; an excluded outage is marked; restoring hides it', async () => {
    const start = monday + minutes(60);
    timeIs(desk, start + minutes(40));
    const ticket = await desk.file({ customer: 'gamma.user', subject: 'No inbound calls', at: start });
    await desk.act('anna', '/api/v1/outages', { groups: ['inbound'], summary: 'Inbound gateway down', ticketId: ticket });
    renderConsole(await desk.signedIn('boris'));
    const { it, id } = await line('Inbound gateway down');
    const timer = within(it).getByRole('timer');
    expect(timer.textContent).toBe('over the limit by 10 minutes');
    expect(timer.className).toContain('countdown--breached');
    expect(it.textContent).toContain('down 40 minutes');
    expect(within(it).queryByText('Excluded (R27)')).toBeNull();

    await desk.act('anna', `/api/v1/outages/${id}/exclude`, { reason: 'The customer\'s own PBX was unplugged' });
    expect(await within(it).findByText('Excluded (R27)')).toBeTruthy();

    await desk.act('anna', `/api/v1/outages/${id}/restore`);
    await waitFor(() => expect(screen.queryByRole('button', { name: new RegExp(`^Outage #${id}:`) })).toBeNull());
  });

  it('linking and unlinking change the count and move the start to the earliest receipt (R19); restore hides the bar', async () => {
    const now = monday + minutes(180);
    timeIs(desk, now);
    const first = await desk.file({ subject: 'Campaign stopped', at: now - minutes(4) });
    const earlier = await desk.file({ customer: 'beta.user', subject: 'Dialer idle', at: now - minutes(9) });
    await desk.act('anna', '/api/v1/outages', { groups: ['autodialer'], summary: 'Dialer cluster down', ticketId: first });
    renderConsole(await desk.signedIn('boris'));
    const { it, id } = await line('Dialer cluster down');
    const timer = within(it).getByRole('timer');
    expect(it.textContent).toContain('1 ticket');
    expect(timer.textContent).toBe('26:00');

    await desk.act('anna', `/api/v1/outages/${id}/tickets`, { ticketId: earlier });
    await within(it).findByText('2 tickets');
    expect(it.textContent).toContain('down 9 minutes');
    expect(timer.textContent).toBe('21:00');

    const r = await desk.ts.request('DELETE', `/api/v1/outages/${id}/tickets/${earlier}`, { token: await desk.ts.login('anna') });
    expect(r.status).toBe(200);
    await within(it).findByText('1 ticket');
    expect(timer.textContent).toBe('26:00');

    await desk.act('anna', `/api/v1/outages/${id}/restore`);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Open outages' })).toBeNull());
  });
});

describe('outage tickets after hours (R8, R26)', HEAVY, () => {
  const desk = useDesk({ start: SATURDAY_3AM });

  it('a ticket linked to an open outage must be handled now: the narrowed queue holds it until the outage is restored', async () => {
    timeIs(desk, SATURDAY_3AM);
    const calm = await desk.file({ subject: 'Question about invoices', at: SATURDAY_3AM - minutes(30) });
    const first = await desk.file({ customer: 'beta.user', subject: 'No calls come in', at: SATURDAY_3AM - minutes(8) });
    const second = await desk.file({ customer: 'gamma.user', subject: 'Inbound line dead', at: SATURDAY_3AM - minutes(6) });
    renderConsole(await desk.signedIn('boris'));
    const grid = await screen.findByRole('grid', { name: 'To handle now' });
    await screen.findByText('Nothing must be handled now. Other tickets wait for working hours.');

    // Declaring after hours pages the on-call agent on the first ticket (docs/oncall.md); the second is linked and not paged.
    await desk.act('anna', '/api/v1/outages', { groups: ['inbound'], summary: 'Inbound trunk down at night', ticketId: first });
    const { id } = await line('Inbound trunk down at night');
    await desk.act('anna', `/api/v1/outages/${id}/tickets`, { ticketId: second });
    await within(grid).findByText(`#${second}`);
    expect(within(grid).queryByText(`#${calm}`)).toBeNull();

    await desk.act('anna', `/api/v1/outages/${id}/restore`);
    await waitFor(() => expect(within(grid).queryByText(`#${second}`)).toBeNull());
    expect(within(grid).queryByText(`#${calm}`)).toBeNull();
  });
});
