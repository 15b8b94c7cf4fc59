// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebBridgeEnv } from '../../../../../renderer/bridge/web-bridge.ts';
import { DEFAULT_CALENDAR_CONFIG, suggestedHolidays } from '../../../../../shared/sla/index.ts';
import { renderConsole, useDesk, type Desk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at } from '../../../../support/time.ts';

setUpRendererTests();
// Whole consoles against a real service, each step a real round trip: room for a busy machine (no speed is asserted).
const HEAVY = { timeout: 30_000 };

// Wednesday 25 November 2026, 17:40 in Kyiv: working hours, twenty minutes before closing.
const wednesday = at('2026-11-25 17:40');

/** Another browser: its own storage, so a second user's token does not replace the first one's. */
const ownStorage = (): WebBridgeEnv['storage'] => {
  const own = new Map<string, string>();
  return { getItem: (k) => own.get(k) ?? null, setItem: (k, v) => void own.set(k, v), removeItem: (k) => void own.delete(k) };
};

/** The service's clock and this machine's both at `ms` (the console's measured offset is 0). */
const timeIs = (desk: Desk, ms: number): void => {
  desk.clock.set(ms);
  vi.useFakeTimers({ now: ms, toFake: ['Date', 'setInterval', 'clearInterval'] });
};

const calendarOnService = async (desk: Desk) => (await desk.ts.request('GET', '/api/v1/admin/calendar', { token: await desk.ts.login('admin') })).body;

describe('the support calendar (R7)', HEAVY, () => {
  const desk = useDesk({ start: wednesday });
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('an agent reads the calendar and its 14-day preview, and cannot change it', async () => {
    timeIs(desk, wednesday);
    renderConsole(await desk.signedIn('anna'));
    await userEvent.click(await screen.findByRole('button', { name: 'Support calendar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Support calendar' });
    await within(dialog).findByText('Only administrators change the support calendar.');
    // A text field with the IANA zones as suggestions (a combobox).
    const zoneField = within(dialog).getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement;
    expect(zoneField.value).toBe('Europe/Kyiv');
    expect(zoneField.matches(':disabled')).toBe(true);
    expect(within(dialog).queryByRole('button', { name: 'Save calendar' })).toBeNull();
    const rows = within(await within(dialog).findByRole('region', { name: 'Working hours, next 14 days' })).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(14);
    expect(rows[0]?.textContent).toContain('Wed 25 Nov');
    expect(rows[0]?.textContent).toContain('09:00–18:00');
    expect(rows[3]?.textContent).toContain('Day off'); // Saturday
  });

  it('the admin makes today a holiday: another console counts down to tomorrow and its support clock says so, without a reload', async () => {
    timeIs(desk, wednesday);
    const id = await desk.file({ subject: 'Calls drop since 17:30', at: at('2026-11-25 17:30') });
    renderConsole(await desk.signedIn('anna'));
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    const row = (await within(grid).findByText(`#${id}`)).closest('[role="row"]') as HTMLElement;
    expect(screen.queryByRole('button', { name: 'Show all tickets' })).toBeNull();
    expect(within(row).getByRole('timer', { name: 'due in 10 minutes' }).textContent).toBe('10:00');
    const clock = await screen.findByRole('region', { name: 'Support clock' });
    expect(within(clock).getByRole('status').textContent).toBe('Working hours');
    expect(within(clock).getByText('Working day')).toBeTruthy();

    const admin = await desk.signedIn('admin', { storage: ownStorage() });
    await admin.invoke('calendar:set', { ...DEFAULT_CALENDAR_CONFIG, holidays: ['2026-11-25'] });

    // Ten minutes were worked today before the change; the other ten run tomorrow from 09:00.
    await waitFor(() => expect(within(clock).getByRole('status').textContent).toBe('Closed, opens Thu 09:00'));
    // Out of working hours the console is in on-call mode, its queue narrowed; the full queue shows the ticket's new countdown.
    await userEvent.click(await screen.findByRole('button', { name: 'Show all tickets' }));
    const timer = await within(grid).findByRole('timer', { name: 'starts Thu 09:00, then due in 10 minutes' });
    expect(timer.textContent).toBe('starts Thu 09:00');
    expect(timer.closest('[role="row"]')?.textContent).toContain(`#${id}`);
    expect(within(clock).getByText('Day off')).toBeTruthy();
  });

  it('the admin edits the calendar: the preview in both zones, the suggested holidays, the service\'s refusal in words, and the save', async () => {
    process.env.TZ = 'America/New_York';
    timeIs(desk, wednesday);
    renderConsole(await desk.signedIn('admin'));
    await userEvent.click(await screen.findByRole('button', { name: 'Support calendar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Support calendar' });
    const preview = await within(dialog).findByRole('region', { name: 'Working hours, next 14 days' });
    const previewRow = (day: string) => within(preview).getByRole('rowheader', { name: new RegExp(`^${day}`) }).closest('tr') as HTMLElement;
    // Today is the holiday of the test before; tomorrow's hours in Kyiv and in this console's zone (New York) side by side.
    await within(preview).findByRole('columnheader', { name: 'Your time (America/New_York)' });
    expect(previewRow('Wed 25 Nov').textContent).toBe('Wed 25 NovHolidayHoliday');
    expect(previewRow('Thu 26 Nov').textContent).toBe('Thu 26 Nov09:00–18:0002:00–11:00');

    // Closing before opening: the preview says why, and so does the service when asked to save it.
    const closes = within(dialog).getByRole('textbox', { name: 'Closes at (HH:mm, 24:00 for midnight)' });
    await userEvent.clear(closes);
    await userEvent.type(closes, '08:00');
    expect(within(preview).getByRole('status').textContent).toBe('No preview yet. Closes at (HH:mm, 24:00 for midnight): open must be earlier than close');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save calendar' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The service refused the calendar. Closes at (HH:mm, 24:00 for midnight): open must be earlier than close');
    expect((await calendarOnService(desk)).close).toBe('18:00');

    await userEvent.clear(closes);
    await userEvent.type(closes, '18:00');
    // The shipped holidays are a suggestion: added with one click, not assumed.
    const suggested = suggestedHolidays('Europe/Kyiv', 2026);
    await userEvent.click(within(dialog).getByRole('button', { name: `Add the suggested holidays of 2026 (${suggested.length} days)` }));
    expect(within(dialog).getByRole('button', { name: 'Add the suggested holidays of 2026 (0 days)' })).toHaveProperty('disabled', true);
    // Saturday becomes an extra working day.
    await userEvent.type(within(dialog).getByLabelText('Date to add to Extra working days'), '2026-11-28');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to Extra working days' }));
    expect(previewRow('Sat 28 Nov').textContent).toBe('Sat 28 Nov · extra working day09:00–18:0002:00–11:00');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Save calendar' }));
    await within(dialog).findByText('Saved. It is in force from now on; the due times of running clocks were recomputed.');
    expect(await calendarOnService(desk)).toEqual({ ...DEFAULT_CALENDAR_CONFIG, holidays: ['2026-11-25', ...suggested].sort(), extraWorkdays: ['2026-11-28'] });
  });
});
