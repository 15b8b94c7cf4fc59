// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();

const monday = at('2026-11-30 10:00');
const grid = () => screen.getByRole('grid', { name: 'Queue' });
const rows = () => within(grid()).getAllByRole('row').slice(1);
const cell = (column: number) => () => rows().map((r) => within(r).getAllByRole('gridcell')[column]?.textContent);
const numbers = cell(1);
const subjects = cell(3);
const clients = cell(4);
const assignees = cell(7);
const header = (name: string) => within(grid()).getByRole('button', { name }).closest('[role="columnheader"]') as HTMLElement;
const count = (n: number) => screen.getByText(n === 1 ? '1 ticket' : `${n} tickets`);

describe('sorting and filtering the queue, remembered per agent', () => {
  const desk = useDesk({ start: monday });
  const id = { calls: 0, autodialer: 0, billing: 0, cyrillic: 0 };
  let slaOrder: string[] = [];
  beforeAll(async () => {
    id.calls = await desk.file({ subject: 'Calls drop after a minute', at: monday - minutes(10) });
    id.autodialer = await desk.file({ customer: 'beta.user', subject: 'The autodialer stopped dialing', at: monday - minutes(30) });
    id.billing = await desk.file({ customer: 'gamma.user', kind: 'question', subject: 'billing export: which format?', at: monday - minutes(20) });
    id.cyrillic = await desk.file({ customer: 'beta.user', subject: 'Звонки обрываются', at: monday - minutes(5) });
    await desk.act('anna', `/api/v1/tickets/${id.calls}/take`, {}, monday - minutes(8));
    await desk.act('boris', `/api/v1/tickets/${id.cyrillic}/take`, {}, monday - minutes(4));
  });

  it('sorts by a column on click (ascending, descending, back to the SLA order), says so with aria-sort, and j/k follow the rows shown', async () => {
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${id.cyrillic}`);
    slaOrder = numbers() as string[];
    expect(slaOrder).toHaveLength(4);
    expect(header('Subject').getAttribute('aria-sort')).toBeNull();

    await userEvent.click(within(grid()).getByRole('button', { name: 'Subject' }));
    await waitFor(() => expect(subjects()).toEqual(['billing export: which format?', 'Calls drop after a minute', 'The autodialer stopped dialing', 'Звонки обрываются']));
    expect(numbers()).not.toEqual(slaOrder);
    expect(header('Subject').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Subject').textContent).toContain('▲');
    expect(header('Due').getAttribute('aria-sort')).toBeNull();

    // The keyboard cursor walks the rows in the order shown (in the SLA order another row is second).
    expect(slaOrder[1]).not.toBe(`#${id.calls}`);
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(within(screen.getByRole('row', { selected: true })).getByText('Calls drop after a minute')).toBeTruthy();

    // From the keyboard: Enter on the focused header button sorts the other way.
    within(grid()).getByRole('button', { name: 'Subject' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(subjects()).toEqual(['Звонки обрываются', 'The autodialer stopped dialing', 'Calls drop after a minute', 'billing export: which format?']));
    expect(header('Subject').getAttribute('aria-sort')).toBe('descending');
    expect(header('Subject').textContent).toContain('▼');

    await userEvent.keyboard(' ');
    await waitFor(() => expect(numbers()).toEqual(slaOrder));
    expect(header('Subject').getAttribute('aria-sort')).toBeNull();

    // Unassigned tickets come last whichever way the assignee column sorts.
    await userEvent.click(within(grid()).getByRole('button', { name: 'Assignee' }));
    await waitFor(() => expect(assignees().slice(0, 2)).toEqual(['Anna Kovalenko', 'Boris Ivanov']));
    await userEvent.click(within(grid()).getByRole('button', { name: 'Assignee' }));
    await waitFor(() => expect(assignees()).toEqual(['Boris Ivanov', 'Anna Kovalenko', 'Unassigned', 'Unassigned']));
    // The column still resizes from its header's edge.
    const resizer = screen.getByRole('separator', { name: 'Resize the Assignee column' });
    fireEvent.keyDown(resizer, { key: 'ArrowRight' });
    expect(resizer.getAttribute('aria-valuenow')).toBe('156');
    expect(header('Assignee').getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by client and by "Unassigned", counts what is shown, and offers to clear filters that hide everything', async () => {
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${id.cyrillic}`);
    expect(count(4)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();

    const client = screen.getByRole('combobox', { name: 'Client' });
    expect(within(client).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any', 'Alpha', 'Beta', 'Gamma']);
    await userEvent.selectOptions(client, 'Beta');
    await waitFor(() => expect(clients().map((c) => c?.split(' ·')[0])).toEqual(['Beta', 'Beta']));
    expect(numbers().sort()).toEqual([`#${id.autodialer}`, `#${id.cyrillic}`].sort());
    expect(count(2)).toBeTruthy();

    await userEvent.selectOptions(client, 'Any');
    const assignee = screen.getByRole('combobox', { name: 'Assignee' });
    expect(within(assignee).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any', 'Unassigned', 'Anna Kovalenko', 'Boris Ivanov']);
    await userEvent.selectOptions(assignee, 'Unassigned');
    await waitFor(() => expect(numbers().sort()).toEqual([`#${id.autodialer}`, `#${id.billing}`].sort()));
    expect(assignees()).toEqual(['Unassigned', 'Unassigned']);
    expect(count(2)).toBeTruthy();

    // Unassigned and Alpha: nothing left; the empty row says why and clears.
    await userEvent.selectOptions(client, 'Alpha');
    const empty = await within(grid()).findByRole('gridcell', { name: /^No tickets match these filters\./ });
    expect(count(0)).toBeTruthy();
    await userEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect((screen.getByRole('combobox', { name: 'Client' }) as HTMLSelectElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('remembers the sort and filters for the agent across a new console, and another agent keeps his own', async () => {
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${id.cyrillic}`);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Problem');
    await userEvent.click(within(grid()).getByRole('button', { name: 'Number' }));
    await userEvent.click(within(grid()).getByRole('button', { name: 'Number' }));
    const expected = [id.calls, id.autodialer, id.cyrillic].sort((a, b) => b - a).map((n) => `#${n}`);
    await waitFor(() => expect(numbers()).toEqual(expected));

    // A new console on this workstation (a reload, or signing out and in again).
    cleanup();
    renderConsole(await desk.signedIn('anna'));
    await waitFor(() => expect(numbers()).toEqual(expected));
    expect(header('Number').getAttribute('aria-sort')).toBe('descending');
    expect((screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value).toBe('problem');
    expect(count(3)).toBeTruthy();

    // Boris on the same console: the SLA order and every ticket.
    cleanup();
    renderConsole(await desk.signedIn('boris'));
    await screen.findByText(`#${id.billing}`);
    expect(numbers()).toEqual(slaOrder);
    expect(header('Number').getAttribute('aria-sort')).toBeNull();
    expect((screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).value).toBe('');
    expect(count(4)).toBeTruthy();
  });
});

describe('a bad lens from the console', () => {
  const desk = useDesk({ start: monday });

  it('is refused with a 400 and changes nothing', async () => {
    const bridge = await desk.signedIn('anna');
    const anna = String(desk.ts.people.users.get('anna'));
    const good = { sort: { column: 'subject', direction: 'asc' }, filters: { assigneeId: 'none' } } as const;
    await bridge.invoke('settings:set', { queueLens: { [anna]: good } });
    const bad = { queueLens: { [anna]: { sort: { column: 'priority', direction: 'asc' }, filters: {} } } };
    await expect(bridge.invoke('settings:set', bad as never)).rejects.toMatchObject({ status: 400 });
    expect((await bridge.invoke('settings:get', undefined)).queueLens).toEqual({ [anna]: good });
  });
});
