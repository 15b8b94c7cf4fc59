// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { nth } from '../../../../support/nth.ts';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();

const monday = at('2026-11-30 10:00');
const rows = () => screen.getAllByRole('row').slice(1);
const numbers = () => rows().map((r) => within(r).getAllByRole('gridcell')[1]?.textContent);

describe('reading the queue', () => {
  const desk = useDesk({ start: monday });
  const id = { l1: 0, routed: 0, escalated: 0 };
  beforeAll(async () => {
    id.l1 = await desk.file({ subject: 'Calls drop', at: monday - minutes(10) });
    id.routed = await desk.file({ kind: 'bug', subject: 'Report totals are wrong', at: monday - minutes(30) });
    await desk.act('anna', `/api/v1/tickets/${id.routed}/take`, {}, monday - minutes(25));
    await desk.act('anna', `/api/v1/tickets/${id.routed}/route`, { tier: 'l2-analysts', reason: 'needs the report queries checked' }, monday - minutes(20));
    id.escalated = await desk.file({ customer: 'gamma.user', subject: 'Live broadcast cannot take calls', at: monday - minutes(5) });
    await desk.act('gamma.user', `/api/v1/tickets/${id.escalated}/escalate`, { justification: 'A live broadcast is on air and takes no calls.' }, monday - minutes(4));
  });

  it('opens each role on its own view: an L1 engineer and an L2 analyst on their tier, a manager at the escalation desk', async () => {
    const cases = [['anna', 'My tier', [id.l1]], ['olga', 'My tier', [id.routed]], ['sofia', 'Escalation desk', [id.escalated]]] as const;
    for (const [login, view, expected] of cases) {
      cleanup();
      renderConsole(await desk.signedIn(login));
      await screen.findByRole('grid', { name: 'Queue' });
      expect(screen.getByRole('button', { name: view, pressed: true }), login).toBeTruthy();
      await waitFor(() => expect(numbers(), login).toEqual(expected.map((n) => `#${n}`)));
    }
  });

  it('mutes the rows of "Open" the agent cannot act on, and says why to screen readers', async () => {
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${id.l1}`);
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    const routed = (await screen.findByText(`#${id.routed}`)).closest('[role="row"]') as HTMLElement;
    // Its description is the reason first, then who routed it and why (routed-mark.tsx).
    expect(screen.getByRole('row', { description: `another tier: L2 analysts Routed by Anna Kovalenko from L1 support: needs the report queries checked` })).toBe(routed);
    expect(routed.className).toContain('queue-row--out-of-reach');
    expect(routed.getAttribute('title')).toBe('another tier: L2 analysts');
    // The escalated ticket waits at the escalation desk (R6); her own tier's row is hers to act on.
    expect(screen.getByRole('row', { description: 'another tier: Escalation desk' })).toBe(screen.getByText(`#${id.escalated}`).closest('[role="row"]'));
    const own = screen.getByText(`#${id.l1}`).closest('[role="row"]') as HTMLElement;
    expect(own.className).not.toContain('queue-row--out-of-reach');
    expect(own.getAttribute('aria-describedby')).toBeNull();

    // A manager may act at any tier (R6): nothing is marked for her.
    cleanup();
    renderConsole(await desk.signedIn('sofia'));
    await screen.findByText(`#${id.escalated}`);
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByText(`#${id.routed}`);
    expect(rows()).toHaveLength(3);
    expect(document.querySelectorAll('.queue-row--out-of-reach')).toHaveLength(0);
  });

  it('tells the analyst which L1 rows are not hers, in her language', async () => {
    const bridge = await desk.signedIn('olga');
    await bridge.invoke('settings:set', { language: 'uk' });
    renderConsole(bridge);
    await screen.findByText(`#${id.routed}`);
    await userEvent.click(screen.getByRole('button', { name: 'Відкриті' }));
    await screen.findByText(`#${id.l1}`);
    expect(within(screen.getByRole('row', { description: 'інший рівень: Перша лінія' })).getByText(`#${id.l1}`)).toBeTruthy();
    expect(within(screen.getByRole('row', { description: 'інший рівень: Ескалації' })).getByText(`#${id.escalated}`)).toBeTruthy();
    expect((screen.getByText(`#${id.routed}`).closest('[role="row"]') as HTMLElement).className).not.toContain('queue-row--out-of-reach');
  });

  it('says "No tickets in this view." in a row below the column headers', async () => {
    renderConsole(await desk.signedIn('olga'));
    await screen.findByText(`#${id.routed}`);
    await userEvent.click(screen.getByRole('button', { name: 'Mine' }));
    const grid = screen.getByRole('grid', { name: 'Queue' });
    const empty = await within(grid).findByRole('gridcell', { name: 'No tickets in this view.' });
    const all = within(grid).getAllByRole('row');
    expect(within(nth(all, 0)).getAllByRole('columnheader')).toHaveLength(10);
    expect(nth(all, 1)).toBe(empty.closest('[role="row"]'));
    expect(empty.getAttribute('aria-colspan')).toBe('10');
  });

  it('resizes a column from the keyboard, and remembers the width per agent', async () => {
    renderConsole(await desk.signedIn('anna'));
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    const due = screen.getByRole('separator', { name: 'Resize the Due column' });
    expect(due.getAttribute('aria-valuenow')).toBe('176');
    expect(grid.style.getPropertyValue('--queue-columns')).toMatch(/^176px 76px /);
    due.focus();
    fireEvent.keyDown(due, { key: 'ArrowRight' });
    fireEvent.keyDown(due, { key: 'ArrowRight' });
    expect(due.getAttribute('aria-valuenow')).toBe('208');
    expect(grid.style.getPropertyValue('--queue-columns')).toMatch(/^208px 76px /);
    fireEvent.keyDown(screen.getByRole('separator', { name: 'Resize the Subject column' }), { key: 'ArrowLeft', shiftKey: true });
    expect(grid.style.getPropertyValue('--queue-columns')).toContain(' minmax(136px, 1fr) ');
    expect(grid.style.getPropertyValue('--queue-row-width')).toBe(`${176 + 32 + 76 + 104 + 200 - 64 + 200 + 72 + 150 + 140 + 150 + 96}px`);

    // A new console on this workstation: anna's widths come back; boris keeps the defaults.
    cleanup();
    renderConsole(await desk.signedIn('anna'));
    await waitFor(() => expect(screen.getByRole('separator', { name: 'Resize the Due column' }).getAttribute('aria-valuenow')).toBe('208'));
    expect(screen.getByRole('grid', { name: 'Queue' }).style.getPropertyValue('--queue-columns')).toMatch(/^208px 76px 104px minmax\(136px, 1fr\)/);
    cleanup();
    renderConsole(await desk.signedIn('boris'));
    await screen.findByRole('grid', { name: 'Queue' });
    expect(screen.getByRole('separator', { name: 'Resize the Due column' }).getAttribute('aria-valuenow')).toBe('176');
  });
});
