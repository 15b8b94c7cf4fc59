// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();

const monday = at('2026-11-30 10:00');
const reason = 'needs the report queries checked';

describe('a routed ticket in the receiving tier', () => {
  const desk = useDesk({ start: monday });
  let id = 0;
  beforeAll(async () => {
    id = await desk.file({ kind: 'bug', subject: 'Report totals are wrong', at: monday - minutes(30) });
    await desk.act('anna', `/api/v1/tickets/${id}/take`, {}, monday - minutes(25));
    await desk.act('anna', `/api/v1/tickets/${id}/route`, { tier: 'l2-analysts', reason }, monday - minutes(18));
  });

  it("shows the L2 analyst, in the row and in the workspace, who sent it, from where and why", async () => {
    renderConsole(await desk.signedIn('olga'));
    const row = (await screen.findByText(`#${id}`)).closest('[role="row"]') as HTMLElement;
    // Compact in the status cell; the whole line in its tooltip and as the row's accessible description.
    await waitFor(() => expect(within(row).getByText('↑ from L1 support')).toBeTruthy());
    const line = `Routed by Anna Kovalenko from L1 support: ${reason}`;
    expect(within(row).getByText('↑ from L1 support').getAttribute('title')).toBe(line);
    expect(screen.getByRole('row', { description: line })).toBe(row);

    await userEvent.click(row);
    const ws = await screen.findByRole('region', { name: `Ticket #${id}` });
    expect(await within(ws).findByText(`Routed from L1 support by Anna Kovalenko, 09:42: ${reason}`)).toBeTruthy();
  });

  it('drops the mark from the row once someone in the tier takes it; the workspace still says where it came from', async () => {
    renderConsole(await desk.signedIn('olga'));
    const row = (await screen.findByText(`#${id}`)).closest('[role="row"]') as HTMLElement;
    await within(row).findByText('↑ from L1 support');
    await userEvent.click(row);
    const ws = await screen.findByRole('region', { name: `Ticket #${id}` });
    await userEvent.click(await within(ws).findByRole('button', { name: /^Take/ }));
    await waitFor(() => expect(within(screen.getByText(`#${id}`).closest('[role="row"]') as HTMLElement).queryByText('↑ from L1 support')).toBeNull());
    expect(within(ws).getByText(`Routed from L1 support by Anna Kovalenko, 09:42: ${reason}`)).toBeTruthy();
    expect((screen.getByText(`#${id}`).closest('[role="row"]') as HTMLElement).getAttribute('aria-describedby')).toBeNull();
  });

  it('shows L1 nothing of it on its own rows', async () => {
    cleanup();
    const other = await desk.file({ subject: 'Calls drop', at: monday - minutes(5) });
    renderConsole(await desk.signedIn('anna'));
    const row = (await screen.findByText(`#${other}`)).closest('[role="row"]') as HTMLElement;
    expect(within(row).queryByText(/from /)).toBeNull();
  });
});
