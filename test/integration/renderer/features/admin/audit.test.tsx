// @vitest-environment jsdom
import { waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { hours, wall } from '../../../../support/time.ts';
import { useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { openAdministration, rowsOf } from './admin-setup.ts';

setUpRendererTests();

const DAY = hours(24);

describe('the admin audit log', () => {
  const desk = useDesk();

  // Three changes on three days: two by the admin, then the admin makes Sofia an admin and she renames a client.
  beforeAll(async () => {
    const start = desk.clock.now();
    const as = async (login: string, method: string, path: string, body: unknown, day: number) => {
      desk.clock.set(start + day * DAY);
      const r = await desk.ts.request(method, path, { token: await desk.ts.login(login), body });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body;
    };
    const sofia = desk.ts.people.users.get('sofia') ?? 0;
    await as('admin', 'POST', '/api/v1/admin/clients', { name: 'Epsilon', primaryGroup: 'autodialer', language: 'en' }, -2);
    await as('admin', 'PATCH', `/api/v1/admin/agents/${sofia}`, { role: 'admin' }, -1);
    const alpha = desk.ts.people.clients.get('Alpha') ?? 0;
    await as('sofia', 'PATCH', `/api/v1/admin/clients/${alpha}`, { name: 'Alpha Telecom' }, 0);
    desk.clock.set(start);
  });

  it('shows every change newest first; filters by who, by what and by days', async () => {
    const { user, dialog } = await openAdministration(await desk.signedIn('admin'), 'Audit log');
    const table = await within(dialog).findByRole('table', { name: 'Audit log' });
    const whoWhatWhom = () => rowsOf(within(dialog).getByRole('table', { name: 'Audit log' })).map((r) => r.slice(1, 4));
    expect(whoWhatWhom()).toEqual([
      ['Sofia Tkachenko', 'changed a client', 'Alpha Telecom'],
      ['Administrator', 'changed an agent', 'Sofia Tkachenko'],
      ['Administrator', 'created a client', 'Epsilon'],
    ]);
    expect(rowsOf(table)[1]?.[4]).toMatch(/role/);

    const filter = within(dialog).getByRole('form', { name: 'Filter' });
    await user.selectOptions(within(filter).getByRole('combobox', { name: 'Who' }), 'Administrator');
    await user.click(within(filter).getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(whoWhatWhom()).toEqual([
      ['Administrator', 'changed an agent', 'Sofia Tkachenko'],
      ['Administrator', 'created a client', 'Epsilon'],
    ]));
    await user.selectOptions(within(filter).getByRole('combobox', { name: 'What' }), 'created a client');
    await user.click(within(filter).getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(whoWhatWhom()).toEqual([['Administrator', 'created a client', 'Epsilon']]));

    // Days, in the support zone: yesterday alone holds Sofia's promotion.
    await user.click(within(filter).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(whoWhatWhom()).toHaveLength(3));
    const yesterday = wall(desk.clock.now() - DAY).slice(0, 10);
    await user.type(within(filter).getByLabelText('From'), yesterday);
    await user.type(within(filter).getByLabelText('To'), yesterday);
    await user.click(within(filter).getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(whoWhatWhom()).toEqual([['Administrator', 'changed an agent', 'Sofia Tkachenko']]));
    expect(within(filter).getByText('Days and times in Europe/Kyiv.')).toBeTruthy();
  });
});
