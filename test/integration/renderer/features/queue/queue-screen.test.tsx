// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { nth } from '../../../../support/nth.ts';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at, minutes } from '../../../../support/time.ts';

setUpRendererTests();

const monday = at('2026-11-30 10:00');
const rows = () => screen.getAllByRole('row').slice(1);

describe('QueueScreen', () => {
  const desk = useDesk({ start: monday });
  const id = { autodialer: 0, ivr: 0, drop: 0 };
  beforeAll(async () => {
    id.ivr = await desk.file({ customer: 'beta.user', kind: 'question', subject: 'How to set up IVR?', at: monday - minutes(30) });
    id.drop = await desk.file({ subject: 'Calls drop', at: monday - minutes(25) });
    id.autodialer = await desk.file({ subject: 'Autodialer does not start', at: monday - minutes(8) });
  });

  it('lists tickets soonest due first, with a live countdown named for screen readers', async () => {
    // Only the clock and the 1 s tick are faked; Testing Library's waits keep real timeouts.
    vi.useFakeTimers({ now: monday, toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderConsole(await desk.signedIn('anna'));
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    await within(grid).findByText(`#${id.drop}`);
    expect(rows().map((r) => within(r).getAllByRole('gridcell')[1]?.textContent)).toEqual([`#${id.drop}`, `#${id.autodialer}`, `#${id.ivr}`]);
    const first = within(nth(rows(), 0));
    expect(first.getByRole('timer', { name: 'overdue by 5 minutes' }).textContent).toBe('−5:00');
    expect(within(nth(rows(), 1)).getByRole('timer', { name: 'due in 12 minutes' }).textContent).toBe('12:00');
    expect(within(nth(rows(), 2)).getByRole('timer').textContent).toBe('30:00'); // consultation: 1 hour (R24)
    expect(within(nth(rows(), 2)).getByText('Beta')).toBeTruthy();
    expect(within(nth(rows(), 2)).getByText('Question')).toBeTruthy();

    act(() => vi.advanceTimersByTime(61_000));
    expect(within(nth(rows(), 1)).getByRole('timer', { name: 'due in 10 minutes' }).textContent).toBe('10:59');
    expect(screen.getByText('3 tickets')).toBeTruthy();
  });

  it('moves with j/k and opens with Enter', async () => {
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${id.drop}`);
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(nth(rows(), 0).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(nth(rows(), 1).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(await screen.findByRole('region', { name: `Ticket #${id.autodialer}` })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: `#${id.autodialer} Autodialer does not start` })).toBeTruthy();
  });

  it('searches by number, subject or client, and switches views', async () => {
    // Anna has one ticket of her own, not Beta's: "Mine" with the search "beta" must be empty, "Mine" alone not.
    await desk.act('anna', `/api/v1/tickets/${id.drop}/take`);
    renderConsole(await desk.signedIn('anna'));
    await screen.findByText(`#${id.drop}`);
    const search = screen.getByRole('searchbox', { name: 'Search by number, subject or client' });
    await userEvent.type(search, 'beta');
    expect(await screen.findByText('1 ticket')).toBeTruthy();
    expect(within(nth(rows(), 0)).getByText(`#${id.ivr}`)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mine' }));
    expect(await screen.findByText('No tickets in this view.')).toBeTruthy();
    await userEvent.clear(search);
    expect(await screen.findByText('1 ticket')).toBeTruthy();
    expect(within(nth(rows(), 0)).getByText(`#${id.drop}`)).toBeTruthy();
    await userEvent.type(search, String(id.autodialer));
    expect(await screen.findByText('No tickets in this view.')).toBeTruthy();
  });
});

describe('QueueScreen with 10,000 tickets', () => {
  const desk = useDesk({ start: monday });
  beforeAll(async () => {
    // One ticket filed through the API; 9,999 copies of its row, each a second older, in one
    // statement (10,000 commands take a minute here, and the point is the console, not filing).
    const first = await desk.file({ subject: 'Ticket 1' });
    await sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
      INSERT INTO tickets (kind, subject, body, language, client_id, author_id, status, tier, assignee_id, escalated,
        escalation_justification, compensation, duplicate_of, created_at, updated_at, sla_state, sla_due_at)
      SELECT kind, 'Ticket ' || (i + 1), body, language, client_id, author_id, status, tier, assignee_id, escalated,
        escalation_justification, compensation, duplicate_of, created_at - i * 1000, updated_at - i * 1000, sla_state, sla_due_at - i * 1000
      FROM tickets, n WHERE tickets.id = ${first}`.execute(desk.ts.db.kysely);
  });

  it('stays small: only the visible rows are in the DOM', async () => {
    renderConsole(await desk.signedIn('anna'));
    expect(await screen.findByText('10,000 tickets', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');
    expect(rows().length).toBeLessThan(60);
  });
});
