// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();

const monday = at('2026-11-30 10:00');
// The console's clock stands at 10:00 too, so the countdown reads the same at every look.
beforeEach(() => void vi.useFakeTimers({ now: monday, toFake: ['Date'] }));

describe('internal targets in the queue and the workspace', () => {
  const desk = useDesk({ start: monday });
  const id = { l1: 0, l2: 0 };
  beforeAll(async () => {
    const put = await desk.ts.request('PUT', '/api/v1/ola/targets', {
      token: await desk.ts.login('admin'),
      body: { targets: { l1: null, 'l2-analysts': 240, 'l2-methodologists': 240, l3: 480, l4: 960 } },
    });
    expect(put.status).toBe(200);
    id.l1 = await desk.file({ subject: 'Calls drop', at: monday - minutes(10) });
    id.l2 = await desk.file({ kind: 'bug', subject: 'Report totals are wrong', at: monday - minutes(30) });
    await desk.act('anna', `/api/v1/tickets/${id.l2}/take`, {}, monday - minutes(25));
    await desk.act('anna', `/api/v1/tickets/${id.l2}/route`, { tier: 'l2-analysts', reason: 'needs the report queries checked' }, monday - minutes(18));
  });

  const dueCell = (n: number) => within((screen.getByText(`#${n}`).closest('[role="row"]') as HTMLElement)).getAllByRole('gridcell')[0] as HTMLElement;

  it("shows the analyst the L2 row's internal countdown where the SLA shows nothing, tagged and named as internal", async () => {
    renderConsole(await desk.signedIn('olga'));
    await screen.findByText(`#${id.l2}`);
    // Routed at 09:42 with 4 working hours: due 13:42, 3 h 42 min from 10:00.
    const timer = await within(dueCell(id.l2)).findByRole('timer', { name: 'Internal target: due in 3 hours 42 minutes' });
    expect(timer.textContent).toBe('OLA 3 h 42 min');
    expect(timer.className).toContain('countdown--running');
    expect(timer.getAttribute('title')).toMatch(/^due Mon 30 Nov 13:42 support time \(Europe\/Kyiv\).*\(internal target, not the SLA\)$/);
  });

  it('keeps the SLA countdown on an L1 row (L1 has no target, and its SLA clock runs)', async () => {
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${id.l1}`);
    const timer = within(dueCell(id.l1)).getByRole('timer');
    expect(timer.getAttribute('aria-label')).not.toMatch(/Internal/);
    expect(timer.textContent).not.toContain('OLA');
  });

  it("shows the internal target in the workspace's SLA panel as its own block, then met once the analyst answers", async () => {
    renderConsole(await desk.signedIn('olga'));
    await userEvent.click(await screen.findByText(`#${id.l2}`));
    const ws = await screen.findByRole('region', { name: `Ticket #${id.l2}` });
    const block = await within(ws).findByRole('region', { name: 'Internal target (OLA)' });
    expect(within(ws).getByRole('region', { name: 'SLA' }).contains(block)).toBe(true);
    expect(block.textContent).toContain('L2 analysts: answer within 4 hours of working time');
    expect(block.textContent).toContain('never shown to the customer');
    expect(within(block).getByRole('timer', { name: 'Internal target: due in 3 hours 42 minutes' })).toBeTruthy();
    await desk.act('olga', `/api/v1/tickets/${id.l2}/messages`, { type: 'note', body: 'Checking the report queries.' });
    await waitFor(() => expect(within(ws).getByRole('region', { name: 'Internal target (OLA)' }).textContent).toContain('Answered in time, Mon 30 Nov 10:00'));
    // Stopped: the queue row shows the SLA's dash again.
    await waitFor(() => expect(within(dueCell(id.l2)).getByRole('timer').textContent).toBe('—'));
  });
});
