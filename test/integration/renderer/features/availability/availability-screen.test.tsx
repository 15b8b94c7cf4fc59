// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'papaparse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AvailabilityResponse } from '../../../../../shared/api/outages.ts';
import type { FunctionGroup } from '../../../../../shared/sla/availability.ts';
import { formatBudgetDuration, formatUptime } from '../../../../../renderer/features/availability/figures.ts';
import { WORKING_HOURS } from '../../../../support/clock.ts';
import { renderConsole, useDesk, type Desk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

const MIN = 60_000;

/** A token made now on the service's clock (the desk's cached ones expire a week after they were made, which is years here). */
async function freshToken(desk: Desk, login: string): Promise<string> {
  const r = await desk.ts.request('POST', '/api/v1/session', { body: { login, password: 'demo' } });
  expect(r.status).toBe(200);
  return r.body.token as string;
}

/** Files a ticket at `at` and declares an outage from it a minute later; restores it `durationMs` after `at` and excludes it with `reason`. */
async function recordOutage(desk: Desk, o: { groups: FunctionGroup[]; at: string; durationMs: number; summary: string; reason?: string }): Promise<number> {
  const at = Date.parse(o.at);
  const now = desk.clock.now();
  try {
    desk.clock.set(at);
    const filed = await desk.ts.request('POST', '/api/v1/tickets', { token: await freshToken(desk, 'alpha.user'), body: { kind: 'problem', subject: o.summary, body: o.summary } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    desk.clock.set(at + MIN);
    const token = await freshToken(desk, 'sofia');
    const declared = await desk.ts.request('POST', '/api/v1/outages', { token, body: { groups: o.groups, summary: o.summary, ticketId: filed.body.ticket.id } });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const id = declared.body.outage.id as number;
    desk.clock.set(at + Math.max(o.durationMs, MIN));
    const restored = await desk.ts.request('POST', `/api/v1/outages/${id}/restore`, { token, body: { at: at + o.durationMs } });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    if (o.reason !== undefined) {
      const excluded = await desk.ts.request('POST', `/api/v1/outages/${id}/exclude`, { token, body: { reason: o.reason } });
      expect(excluded.status, JSON.stringify(excluded.body)).toBe(200);
    }
    return id;
  } finally {
    desk.clock.set(now);
  }
}

/** The value beside a term of a group's figures. */
const figure = (region: HTMLElement, term: string): string | null => within(region).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent ?? null;
/** The rows of a table as text, cell by cell. */
const rows = (table: HTMLElement): string[][] => within(table).getAllByRole('row').slice(1).map((tr) => [...tr.children].map((c) => c.textContent ?? ''));

describe('the availability screen', () => {
  const desk = useDesk({ start: WORKING_HOURS });
  const ids: Record<string, number> = {};
  const api = async (year?: number): Promise<AvailabilityResponse> => {
    const r = await desk.ts.request('GET', `/api/v1/availability${year === undefined ? '' : `?year=${year}`}`, { token: await desk.ts.login('sofia') });
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    // The screen is loaded on first open (its own chunk in the build); loaded here once, so no test waits on the transform.
    await import('../../../../../renderer/features/availability/availability-screen.tsx');
    // Kyiv times: UTC+2 in winter, UTC+3 in summer.
    ids.march = await recordOutage(desk, { groups: ['autodialer'], at: '2026-03-14T00:05:00Z', durationMs: 45 * MIN + 30_000, summary: 'Autodialer down, "SIP trunk" lost\nafter the update' });
    ids.june = await recordOutage(desk, { groups: ['autodialer', 'inbound'], at: '2026-06-02T11:00:00Z', durationMs: 20 * MIN, summary: 'Both groups down' });
    ids.august = await recordOutage(desk, { groups: ['autodialer'], at: '2026-08-10T06:00:00Z', durationMs: 50 * MIN, summary: 'Calls fail for Alpha', reason: "The customer's carrier failed" });
    ids.old = await recordOutage(desk, { groups: ['inbound'], at: '2024-05-05T07:00:00Z', durationMs: 15 * MIN, summary: 'Inbound queue stuck' });
    // A bad 2025 for the autodialer: six outages over 30 minutes, one a month from February.
    for (let month = 2; month <= 7; month++) {
      await recordOutage(desk, { groups: ['autodialer'], at: `2025-0${month}-10T10:00:00Z`, durationMs: (30 + month) * MIN, summary: `Dialer down in month ${month}` });
    }
  });

  /** Signs in as `login` and opens the screen from the header. */
  const open = async (login: string) => {
    const user = userEvent.setup();
    renderConsole(await desk.signedIn(login));
    await user.click(await screen.findByRole('button', { name: 'Availability' }));
    const dialog = await screen.findByRole('dialog', { name: 'Availability' });
    const autodialer = await within(dialog).findByRole('region', { name: 'Autodialer' });
    return { user, dialog, autodialer, inbound: within(dialog).getByRole('region', { name: 'Inbound call processing' }) };
  };

  it('shows an agent each group\'s downtime, budget left and uptime for the current year, equal to the API\'s figures', async () => {
    const { dialog, autodialer, inbound } = await open('anna');
    const figures = await api();
    expect(figures.year).toBe(2026);
    expect((within(dialog).getByRole('combobox', { name: 'Year' }) as HTMLSelectElement).value).toBe('2026');
    const of = (g: FunctionGroup) => figures.groups.find((x) => x.group === g) as AvailabilityResponse['groups'][number];
    // 45 min 30 s in March and 20 min in June; the excluded 50 min of August are not downtime (R27).
    expect(of('autodialer').downtimeMs).toBe(65 * MIN + 30_000);
    expect(figure(autodialer, 'Downtime')).toBe('1 hour 5 minutes 30 seconds');
    expect(figure(autodialer, 'Downtime')).toBe(formatBudgetDuration('en', of('autodialer').downtimeMs));
    expect(figure(autodialer, 'Budget')).toBe('8 hours');
    expect(figure(autodialer, 'Budget left')).toBe('6 hours 54 minutes 30 seconds');
    expect(figure(autodialer, 'Budget left')).toBe(formatBudgetDuration('en', of('autodialer').remainingBudgetMs));
    expect(figure(autodialer, 'Uptime')).toBe('99.987%');
    expect(figure(autodialer, 'Uptime')).toBe(formatUptime('en', of('autodialer').uptime));
    expect(figure(autodialer, 'Outages counted')).toBe('2');
    expect(figure(inbound, 'Downtime')).toBe('20 minutes');
    expect(figure(inbound, 'Budget left')).toBe('7 hours 40 minutes');
    expect(figure(inbound, 'Budget left')).toBe(formatBudgetDuration('en', of('inbound').remainingBudgetMs));
    // Read-only: nothing on it edits anything.
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['×', 'Export the outages of 2026 (CSV)']);
  });

  it('flags the outage over 30 minutes with its duration and lists the excluded one with its reason', async () => {
    const { autodialer, inbound } = await open('anna');
    expect(within(autodialer).getByRole('list', { name: 'Outages over 30 minutes: Autodialer' }).textContent).toBe(`over 30 min Outage ${ids.march}, 14 Mar 2026, 02:05: 45 minutes 30 seconds`);
    expect(within(autodialer).getByRole('list', { name: 'Excluded outages: Autodialer' }).textContent).toBe(`Outage ${ids.august}, 10 Aug 2026, 09:00: 50 minutes Reason: The customer's carrier failed`);
    expect(within(inbound).queryByRole('list')).toBeNull();
    expect(within(inbound).getAllByText('None.')).toHaveLength(2);
  });

  it('gives the burn-down as a caption and a month-by-month table ending at the figures, and the clients by primary group', async () => {
    const { dialog } = await open('sofia');
    const figure = within(dialog).getByRole('figure', { name: /^Downtime budget left across 2026/ });
    expect(within(figure).getByText(/^Downtime budget left/).textContent).toBe(
      'Downtime budget left across 2026, from 8 hours per function group. Autodialer: 6 hours 54 minutes 30 seconds. Inbound call processing: 7 hours 40 minutes.',
    );
    // The chart is drawn (recharts, an image to assistive technology) beside its table.
    expect((await within(figure).findByRole('img', { name: /^Downtime budget left across 2026/ })).querySelector('svg')).not.toBeNull();
    const byMonth = within(figure).getByRole('table', { name: 'Budget left at the end of each month' });
    const table = rows(byMonth);
    expect(table.map((r) => r[0])).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November (so far)']);
    expect(table[1]).toEqual(['February', '8 hours', '8 hours']);
    expect(table[2]).toEqual(['March', '7 hours 14 minutes 30 seconds', '8 hours']);
    expect(table[5]).toEqual(['June', '6 hours 54 minutes 30 seconds', '7 hours 40 minutes']);
    expect(table[10]).toEqual(['November (so far)', '6 hours 54 minutes 30 seconds', '7 hours 40 minutes']);

    const figures = await api();
    const clients = within(dialog).getByRole('table', { name: 'Clients, by their primary function group' });
    expect(rows(clients)).toEqual(
      figures.clients.map((c) => [c.client.name, c.client.primaryGroup === 'autodialer' ? 'Autodialer' : 'Inbound call processing', formatBudgetDuration('en', c.downtimeMs), formatBudgetDuration('en', c.remainingBudgetMs), formatUptime('en', c.uptime)]),
    );
    expect(rows(clients).map((r) => r.slice(0, 3))).toEqual([
      ['Alpha', 'Autodialer', '1 hour 5 minutes 30 seconds'],
      ['Beta', 'Inbound call processing', '20 minutes'],
      ['Gamma', 'Inbound call processing', '20 minutes'],
    ]);
  });

  it('goes back to the year of the first outage, and the picker switches years', async () => {
    const { user, dialog } = await open('anna');
    const year = within(dialog).getByRole('combobox', { name: 'Year' });
    expect(within(year).getAllByRole('option').map((o) => o.textContent)).toEqual(['2026', '2025', '2024']);
    await user.selectOptions(year, '2024');
    await within(dialog).findByText('The whole of 2024 (Europe/Kyiv).');
    const inbound = within(dialog).getByRole('region', { name: 'Inbound call processing' });
    const figures2024 = await api(2024);
    expect(figure(inbound, 'Downtime')).toBe('15 minutes');
    expect(figure(inbound, 'Budget left')).toBe(formatBudgetDuration('en', figures2024.groups.find((g) => g.group === 'inbound')?.remainingBudgetMs ?? 0));
    // 2024 is a leap year: 15 minutes of 366 days.
    expect(figure(inbound, 'Uptime')).toBe('99.997%');
    expect(figure(within(dialog).getByRole('region', { name: 'Autodialer' }), 'Downtime')).toBe('0 minutes');
    expect(rows(within(dialog).getByRole('table', { name: 'Budget left at the end of each month' }))).toHaveLength(12);
    await user.selectOptions(year, '2025');
    await within(dialog).findByText('The whole of 2025 (Europe/Kyiv).');
    expect(figure(within(dialog).getByRole('region', { name: 'Inbound call processing' }), 'Downtime')).toBe('0 minutes');
    // More than five outages over 30 minutes fold behind "Show all", so the chart stays in reach.
    const autodialer = within(dialog).getByRole('region', { name: 'Autodialer' });
    expect(figure(autodialer, 'Downtime')).toBe('3 hours 27 minutes');
    const folded = within(autodialer).getByText('Show all (6)').closest('details') as HTMLDetailsElement;
    expect(folded.open).toBe(false);
    expect(within(folded).getAllByRole('listitem', { hidden: true }).map((li) => li.textContent?.replace(/^over 30 min Outage \d+, /, ''))).toEqual([
      '10 Feb 2025, 12:00: 32 minutes',
      '10 Mar 2025, 12:00: 33 minutes',
      '10 Apr 2025, 13:00: 34 minutes',
      '10 May 2025, 13:00: 35 minutes',
      '10 Jun 2025, 13:00: 36 minutes',
      '10 Jul 2025, 13:00: 37 minutes',
    ]);
    await user.click(within(autodialer).getByText('Show all (6)'));
    expect(folded.open).toBe(true);
    await user.selectOptions(year, '2026');
    await within(dialog).findByText('2026 so far, as of 25 Nov 2026, 10:00 (Europe/Kyiv).');
  });

  it('speaks the console\'s language: Ukrainian figures, group names and months', async () => {
    const bridge = await desk.signedIn('anna');
    await bridge.invoke('settings:set', { language: 'uk' });
    const user = userEvent.setup();
    renderConsole(bridge);
    await user.click(await screen.findByRole('button', { name: 'Доступність' }));
    const dialog = await screen.findByRole('dialog', { name: 'Доступність' });
    const autodialer = await within(dialog).findByRole('region', { name: 'Автодозвон' });
    expect(figure(autodialer, 'Простій')).toBe('1 година 5 хвилин 30 секунд');
    expect(figure(autodialer, 'Залишок бюджету')).toBe('6 годин 54 хвилини 30 секунд');
    expect(figure(autodialer, 'Доступність')).toBe('99,987%');
    expect(within(autodialer).getByRole('list', { name: 'Збої довші за 30 хвилин: Автодозвон' }).textContent).toBe(`довше 30 хв Збій ${ids.march}, 14 бер. 2026, 02:05: 45 хвилин 30 секунд`);
    const byMonth = await within(dialog).findByRole('table', { name: 'Залишок бюджету на кінець кожного місяця' });
    expect(rows(byMonth)[2]).toEqual(['березень', '7 годин 14 хвилин 30 секунд', '8 годин']);
    expect(within(dialog).getByRole('region', { name: 'Обробка вхідних викликів' })).toBeTruthy();
  });

  it('exports the year\'s outages as CSV: times in the support zone, overlong and excluded flags, reasons and summaries quoted', async () => {
    const saved: { name: string; blob: Blob }[] = [];
    let blob: Blob | undefined;
    // jsdom has no object URLs and does not download: the Blob and the link's file name are what the browser would save.
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:outages'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (blob !== undefined) saved.push({ name: this.download, blob });
    });
    const { user, dialog } = await open('anna');
    await user.click(within(dialog).getByRole('button', { name: 'Export the outages of 2026 (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const [file] = saved;
    expect(file?.name).toBe('dutydesk-outages-2026.csv');
    expect(file?.blob.type).toBe('text/csv;charset=utf-8');
    // UTF-8 with a byte order mark, so spreadsheets read Cyrillic as UTF-8 (Blob.text() would drop the mark).
    const bytes = new Uint8Array((await file?.blob.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.startsWith('id,groups,start (Europe/Kyiv),restored (Europe/Kyiv),duration_minutes,overlong,excluded,reason,tickets,summary\r\n')).toBe(true);
    const csv = parse<string[]>(text, { skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data.slice(1)).toEqual([
      [String(ids.august), 'autodialer', '2026-08-10 09:00:00', '2026-08-10 09:50:00', '50', 'true', 'true', "The customer's carrier failed", '1', 'Calls fail for Alpha'],
      [String(ids.june), 'autodialer inbound', '2026-06-02 14:00:00', '2026-06-02 14:20:00', '20', 'false', 'false', '', '1', 'Both groups down'],
      [String(ids.march), 'autodialer', '2026-03-14 02:05:00', '2026-03-14 02:50:30', '45.5', 'true', 'false', '', '1', 'Autodialer down, "SIP trunk" lost\nafter the update'],
    ]);
  });

  it('refreshes when an outage is declared or restored while it is open', async () => {
    const { autodialer, inbound } = await open('anna');
    expect(figure(inbound, 'Downtime')).toBe('20 minutes');
    const token = await desk.ts.login('sofia');
    // A new inbound outage reported 10 minutes ago, still open: downtime counts up to now.
    const ticketId = await desk.file({ customer: 'beta.user', subject: 'No inbound calls', at: WORKING_HOURS - 10 * MIN });
    const declared = await desk.ts.request('POST', '/api/v1/outages', { token, body: { groups: ['inbound'], summary: 'No inbound calls', ticketId } });
    expect(declared.status).toBe(201);
    await waitFor(() => expect(figure(inbound, 'Downtime')).toBe('30 minutes'));
    expect(figure(inbound, 'Outages counted')).toBe('2');
    const restored = await desk.ts.request('POST', `/api/v1/outages/${declared.body.outage.id}/restore`, { token, body: { at: WORKING_HOURS - 5 * MIN } });
    expect(restored.status).toBe(200);
    await waitFor(() => expect(figure(inbound, 'Downtime')).toBe('25 minutes'));
    expect(figure(inbound, 'Downtime')).toBe(formatBudgetDuration('en', (await api()).groups.find((g) => g.group === 'inbound')?.downtimeMs ?? 0));
    expect(figure(autodialer, 'Downtime')).toBe('1 hour 5 minutes 30 seconds');
  });
});
