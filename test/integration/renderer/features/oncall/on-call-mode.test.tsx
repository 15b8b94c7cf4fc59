// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { SATURDAY_3AM, WORKING_HOURS } from '../../../../support/clock.ts';
import { at, minutes } from '../../../../support/time.ts';
import { setRoster } from './roster-setup.ts';

setUpRendererTests();

const rows = () => screen.getAllByRole('row').slice(1);
const numbers = () => rows().map((r) => within(r).getAllByRole('gridcell')[1]?.textContent);

describe('on-call mode', () => {
  const desk = useDesk({ start: SATURDAY_3AM });
  const id = { escalated: 0, waiting: 0 };

  /** The service's clock and this machine's both at `ms`, so the console's measured offset is 0. */
  const timeIs = (ms: number): void => {
    desk.clock.set(ms);
    vi.useFakeTimers({ now: ms, toFake: ['Date', 'setInterval', 'clearInterval'] });
  };
  /** Moves both clocks to `ms` and lets the shared 1-second tick fire. */
  const clockTo = (ms: number): void =>
    act(() => {
      desk.clock.set(ms - 1000);
      vi.setSystemTime(ms - 1000);
      desk.clock.set(ms);
      vi.advanceTimersByTime(1000);
    });

  beforeAll(async () => {
    await setRoster(desk);
    const friday = at('2026-11-27 16:00');
    id.waiting = await desk.file({ subject: 'Reports export is slow', at: at('2026-11-27 17:58') });
    id.escalated = await desk.file({ subject: 'All inbound lines are down', at: friday + minutes(5) });
    await desk.act('alpha.user', `/api/v1/tickets/${id.escalated}/escalate`, { justification: 'our call centre cannot take any calls right now' }, friday + minutes(10));
  });

  it('after hours: a banner names who is on call and until when, and the queue holds only what must be handled now', async () => {
    timeIs(SATURDAY_3AM);
    renderConsole(await desk.signedIn('anna'));
    const banner = await screen.findByRole('region', { name: 'On call' });
    await within(banner).findByText(/Boris Ivanov \(primary\), Olga Shevchenko \(secondary\)/);
    expect(banner.textContent).toContain('until Mon 30 Nov, 09:00');
    const grid = await screen.findByRole('grid', { name: 'To handle now' });
    await within(grid).findByText(`#${id.escalated}`);
    expect(numbers()).toEqual([`#${id.escalated}`]);
  });

  it('"show all" widens the queue, where other tickets say when their clock resumes; the choice holds until the mode changes', async () => {
    timeIs(at('2026-11-30 08:59'));
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    const view = renderConsole(await desk.signedIn('anna'));
    await screen.findByRole('grid', { name: 'To handle now' });
    await user.click(await screen.findByRole('button', { name: 'Show all tickets' }));
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    await within(grid).findByText(`#${id.waiting}`);
    // Her tier is her default view; the escalated ticket waits at the escalation desk, in "Open".
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await within(grid).findByText(`#${id.escalated}`)).toBeTruthy();
    const waiting = rows().find((r) => r.textContent?.includes(`#${id.waiting}`));
    expect(waiting && within(waiting).getByRole('timer').textContent).toBe('starts Mon 09:00');

    // Remembered: the console shown again in the same on-call stretch keeps the full queue.
    view.unmount();
    renderConsole(await desk.signedIn('anna'));
    await within(await screen.findByRole('grid', { name: 'Queue' })).findByText(`#${id.waiting}`);
    expect(screen.getByRole('button', { name: 'Show only what must be handled now' })).toBeTruthy();

    // 09:00 ends on-call mode; 18:00 starts a new stretch, narrowed again.
    clockTo(at('2026-11-30 09:00'));
    expect(screen.queryByRole('region', { name: 'On call' })).toBeNull();
    clockTo(at('2026-11-30 18:00'));
    expect(await screen.findByRole('grid', { name: 'To handle now' })).toBeTruthy();
    expect(numbers()).toEqual([`#${id.escalated}`]);
  });

  it('at working time the console is not in on-call mode', async () => {
    timeIs(WORKING_HOURS);
    renderConsole(await desk.signedIn('anna'));
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    await within(grid).findByText(`#${id.waiting}`);
    expect(screen.queryByRole('region', { name: 'On call' })).toBeNull();
    expect(screen.queryByRole('grid', { name: 'To handle now' })).toBeNull();
  });

  it('switches live when the clock crosses 09:00, without a reload', async () => {
    timeIs(at('2026-11-30 08:59:59.000'));
    renderConsole(await desk.signedIn('anna'));
    await within(await screen.findByRole('grid', { name: 'To handle now' })).findByText(`#${id.escalated}`);
    expect(screen.getByRole('region', { name: 'On call' })).toBeTruthy();
    act(() => {
      desk.clock.set(at('2026-11-30 09:00'));
      vi.advanceTimersByTime(1000);
    });
    expect(screen.queryByRole('region', { name: 'On call' })).toBeNull();
    await within(await screen.findByRole('grid', { name: 'Queue' })).findByText(`#${id.waiting}`);
  });

  it('offers the agent on call to take an escalated ticket after hours (R25, on call)', async () => {
    timeIs(SATURDAY_3AM);
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderConsole(await desk.signedIn('boris'));
    await screen.findByText(/Boris Ivanov \(primary\)/);
    await user.click(await screen.findByText(`#${id.escalated}`));
    const ticket = await screen.findByRole('region', { name: `Ticket #${id.escalated}` });
    expect(await within(ticket).findByRole('button', { name: /^Take/ })).toBeTruthy();
  });

  it('does not offer it to an agent off the roster', async () => {
    timeIs(SATURDAY_3AM);
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderConsole(await desk.signedIn('ivan'));
    await screen.findByText(/Boris Ivanov \(primary\)/);
    await user.click(await screen.findByText(`#${id.escalated}`));
    const ticket = await screen.findByRole('region', { name: `Ticket #${id.escalated}` });
    await within(ticket).findByRole('heading', { name: /All inbound lines are down/ });
    expect(within(ticket).queryByRole('button', { name: /^Take/ })).toBeNull();
  });
});
