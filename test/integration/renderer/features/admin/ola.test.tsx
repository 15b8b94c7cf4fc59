// @vitest-environment jsdom
import { cleanup, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';
import { openAdministration, rowsOf } from './admin-setup.ts';

setUpRendererTests();

const monday = at('2026-11-30 10:00');

describe('administration: internal targets', () => {
  const desk = useDesk({ start: monday });
  let routed = 0;
  beforeAll(async () => {
    routed = await desk.file({ kind: 'bug', subject: 'Report totals are wrong', at: monday - minutes(30) });
    await desk.act('anna', `/api/v1/tickets/${routed}/route`, { tier: 'l2-analysts', reason: 'report queries' }, monday - minutes(20));
  });

  it('lets an admin set per-tier minutes by keyboard, refuses a bad one naming the field, and stores the rest only when all are right', async () => {
    const { user, dialog } = await openAdministration(await desk.signedIn('admin'), 'Internal targets');
    const analysts = await within(dialog).findByRole('textbox', { name: 'L2 analysts: working minutes' });
    expect((analysts as HTMLInputElement).value).toBe('');
    await user.click(analysts);
    await user.keyboard('240');
    expect(within(dialog).getByText('answer within 4 hours of working time')).toBeTruthy();
    const l3 = within(dialog).getByRole('textbox', { name: 'L3 developers: working minutes' });
    await user.type(l3, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Save targets' }));
    // The wrong field is marked, described and focused; nothing was stored.
    expect(l3.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(l3);
    expect(within(dialog).getByRole('textbox', { name: 'L3 developers: working minutes', description: /whole number of minutes from 1 to 43200/ })).toBe(l3);
    const stored = async () => (await desk.ts.request('GET', '/api/v1/ola/targets', { token: await desk.ts.login('olga') })).body.targets;
    expect((await stored())['l2-analysts']).toBeNull();

    await user.clear(l3);
    await user.type(l3, '480');
    await user.keyboard('{Enter}');
    await within(dialog).findByRole('status');
    expect(within(dialog).getByRole('status').textContent).toBe('Internal targets saved.');
    expect(await stored()).toEqual({ l1: null, 'l2-analysts': 240, 'l2-methodologists': null, l3: 480, l4: null });
  });

  it('shows a manager the targets read-only and the report: per tier, arrived, in time, late, running, median', async () => {
    cleanup();
    await desk.ts.request('PUT', '/api/v1/ola/targets', { token: await desk.ts.login('admin'), body: { targets: { l1: null, 'l2-analysts': 240, 'l2-methodologists': null, l3: 480, l4: null } } });
    const { dialog } = await openAdministration(await desk.signedIn('sofia'), 'Internal targets');
    const analysts = await within(dialog).findByRole('textbox', { name: 'L2 analysts: working minutes' });
    await waitFor(() => expect((analysts as HTMLInputElement).value).toBe('240'));
    expect(analysts.matches(':disabled')).toBe(true);
    expect(within(dialog).queryByRole('button', { name: 'Save targets' })).toBeNull();
    expect(within(dialog).getByText('Only administrators change the targets.')).toBeTruthy();
    const table = await within(dialog).findByRole('table', { name: 'How the tiers kept their targets' });
    await waitFor(() => expect(rowsOf(table)).toContainEqual(['L2 analysts', '240 min', '1', '0', '0', '1', '—']));
    expect(rowsOf(table)).toContainEqual(['L1 support', '—', '0', '0', '0', '0', '—']);
  });
});
