// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Settings } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { WORKING_HOURS } from '../../../../support/clock.ts';
import { setRoster } from './roster-setup.ts';

setUpRendererTests();

const items = (region: HTMLElement) => within(region).getAllByRole('listitem').map((li) => li.textContent);

describe('the roster screen', () => {
  const desk = useDesk({ start: WORKING_HOURS });
  beforeAll(async () => {
    await setRoster(desk);
    // "My own zone" is this machine's: fixed to UTC here, two hours behind Kyiv in winter.
    Settings.defaultZone = 'UTC';
  });
  afterAll(() => {
    Settings.defaultZone = 'system';
  });

  /** Signs in as `login` at Wednesday 25 Nov 10:00 (Kyiv) and opens the roster from the header. */
  const openRoster = async (login: string) => {
    vi.useFakeTimers({ now: WORKING_HOURS, toFake: ['Date', 'setInterval', 'clearInterval'] });
    desk.clock.set(WORKING_HOURS);
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderConsole(await desk.signedIn(login));
    await user.click(await screen.findByRole('button', { name: 'On-call roster' }));
    const dialog = await screen.findByRole('dialog', { name: 'On-call roster' });
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toMatch(/^On call: /));
    return { user, dialog };
  };

  it('lists who is on call now and the next segments of each layer, in the support zone and mine', async () => {
    const { dialog } = await openRoster('anna');
    expect(within(dialog).getByRole('status').textContent).toBe('On call: Boris Ivanov (primary), Olga Shevchenko (secondary)');
    const primary = within(dialog).getByRole('region', { name: 'Primary' });
    // This machine runs in UTC: both times are shown.
    expect(items(primary)).toEqual([
      'Boris Ivanov Wed 25 Nov, 10:00 (your time Wed 25 Nov, 08:00) – Mon 30 Nov, 09:00 (your time Mon 30 Nov, 07:00)',
      'Dmytro Bondarenko Mon 30 Nov, 09:00 (your time Mon 30 Nov, 07:00) – Mon 7 Dec, 09:00 (your time Mon 7 Dec, 07:00)',
      'Boris Ivanov Mon 7 Dec, 09:00 (your time Mon 7 Dec, 07:00) – Wed 9 Dec, 10:00 (your time Wed 9 Dec, 08:00)',
    ]);
    expect(items(within(dialog).getByRole('region', { name: 'Secondary' }))[1]).toMatch(/^Anna Kovalenko Mon 30 Nov, 09:00/);
  });

  it('shows one time when my zone is the support zone', async () => {
    Settings.defaultZone = 'Europe/Kyiv';
    try {
      const { dialog } = await openRoster('anna');
      expect(items(within(dialog).getByRole('region', { name: 'Primary' }))[0]).toBe('Boris Ivanov Wed 25 Nov, 10:00 – Mon 30 Nov, 09:00');
    } finally {
      Settings.defaultZone = 'UTC';
    }
  });

  it('an l1 agent sees no editing controls', async () => {
    const { dialog } = await openRoster('anna');
    expect(within(dialog).queryByRole('form', { name: 'Add an override' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: /^Swap|^Remove/ })).toBeNull();
    expect(within(dialog).queryByRole('region', { name: 'Swaps' })).toBeNull();
  });

  it('a manager adds an override, which appears in the timeline; an overlapping one shows the service\'s 409; removing it restores the rota', async () => {
    const { user, dialog } = await openRoster('sofia');
    const form = within(dialog).getByRole('form', { name: 'Add an override' });
    const fill = async (from: string, to: string, reason: string) => {
      await user.selectOptions(within(form).getByRole('combobox', { name: 'Agent' }), 'Ivan Melnyk');
      await user.selectOptions(within(form).getByRole('combobox', { name: 'Layer' }), 'Primary');
      fireEvent.change(within(form).getByLabelText('From (Europe/Kyiv)'), { target: { value: from } });
      fireEvent.change(within(form).getByLabelText('To (Europe/Kyiv)'), { target: { value: to } });
      await user.clear(within(form).getByRole('textbox', { name: 'Reason' }));
      await user.type(within(form).getByRole('textbox', { name: 'Reason' }), reason);
      await user.click(within(form).getByRole('button', { name: 'Add override' }));
    };
    await fill('2026-12-02T18:00', '2026-12-03T09:00', 'Dmytro at a conference');
    const overrides = within(dialog).getByRole('region', { name: 'Overrides' });
    await within(overrides).findByText(/Ivan Melnyk covers Primary/);
    const primary = within(dialog).getByRole('region', { name: 'Primary' });
    await within(primary).findByText('Ivan Melnyk');
    expect(items(primary).map((s) => s?.replace(/ \(your time [^)]*\)/g, ''))).toContain('Ivan Melnyk Wed 2 Dec, 18:00 – Thu 3 Dec, 09:00');

    await fill('2026-12-03T08:00', '2026-12-03T12:00', 'Overlaps');
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/^overlaps override \d+ of the primary layer \(2026-12-02T16:00:00\.000Z to 2026-12-03T07:00:00\.000Z\)$/);
    expect(within(overrides).getAllByRole('listitem')).toHaveLength(1);

    await user.click(within(overrides).getByRole('button', { name: 'Remove the override of Ivan Melnyk (Primary)' }));
    await within(overrides).findByText('No overrides ahead.');
    expect(within(primary).queryByText('Ivan Melnyk')).toBeNull();
  });

  it('a manager swaps the two layers of a shift in two clicks', async () => {
    const { user, dialog } = await openRoster('sofia');
    const swaps = within(dialog).getByRole('region', { name: 'Swaps' });
    await user.click(within(swaps).getAllByRole('button', { name: 'Swap Boris Ivanov and Olga Shevchenko' })[0] as HTMLElement);
    await user.click(within(swaps).getByRole('button', { name: 'Confirm: Olga Shevchenko primary, Boris Ivanov secondary' }));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('On call: Olga Shevchenko (primary), Boris Ivanov (secondary)'));
    const overrides = within(dialog).getByRole('region', { name: 'Overrides' });
    expect(items(overrides).map((s) => s?.replace(/ \(your time [^)]*\)/g, ''))).toEqual([
      'Olga Shevchenko covers Primary Wed 25 Nov, 10:00 – Mon 30 Nov, 09:00 · Swap Remove',
      'Boris Ivanov covers Secondary Wed 25 Nov, 10:00 – Mon 30 Nov, 09:00 · Swap Remove',
    ]);
  });

  it('a swap the service half refuses is taken back, and its 409 is shown', async () => {
    // Anna already covers her own secondary shift one night: the swap's second override overlaps it.
    const anna = desk.ts.people.users.get('anna') as number;
    const r = await desk.ts.request('POST', '/api/v1/oncall/overrides', {
      token: await desk.ts.login('sofia'),
      body: { agentId: anna, layer: 'secondary', from: Date.parse('2026-11-30T22:00:00Z'), to: Date.parse('2026-12-01T04:00:00Z'), reason: 'Held' },
    });
    expect(r.status).toBe(201);
    const { user, dialog } = await openRoster('sofia');
    const swaps = within(dialog).getByRole('region', { name: 'Swaps' });
    await user.click(within(swaps).getByRole('button', { name: 'Swap Dmytro Bondarenko and Anna Kovalenko' }));
    await user.click(within(swaps).getByRole('button', { name: 'Confirm: Anna Kovalenko primary, Dmytro Bondarenko secondary' }));
    expect((await within(swaps).findByRole('alert')).textContent).toMatch(/^overlaps override \d+ of the secondary layer/);
    const list = await desk.ts.request('GET', '/api/v1/oncall/overrides', { token: await desk.ts.login('sofia') });
    expect((list.body.overrides as { agentId: number; layer: string }[]).filter((o) => o.agentId === anna).map((o) => o.layer)).toEqual(['secondary']);
  });
});
