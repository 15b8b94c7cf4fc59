import { expect, test, type Browser, type Page } from '@playwright/test';
import type { AvailabilityResponse } from '../../shared/api/index.ts';
import type { OutageDetail } from '../../shared/model/index.ts';
import { formatBudgetDuration } from '../../renderer/features/availability/figures.ts';
import { api, token } from './support/api.ts';

/**
 * Issue 9's proof, in browser mode against the real ticket service (demo data with its year of
 * outages, a working Wednesday on the demo clock: playwright.config.ts, project "console"). Beta and
 * Gamma report the same failure of inbound call processing; anna declares an outage from Beta's
 * ticket and links Gamma's; the restoration countdown (R18) shows in anna's and boris's consoles;
 * anna restores it; the availability screen shows the year's downtime and budget left, equal to the
 * API's figures, with this outage's downtime added to the group's.
 */
test.setTimeout(120_000);

async function signIn(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(`^${login}\\b`) }).click();
  await expect(page.getByRole('grid', { name: 'Queue' })).toBeVisible();
  await expect(page.getByLabel('Connection: Online')).toBeVisible();
  return page;
}

const row = (page: Page, number: number) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: `#${number}`, exact: true }) });
const search = (page: Page, text: string) => page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill(text);

test('two customers report one failure: declared, linked, counted down in two consoles, restored, and counted against the budget', async ({ browser, request }) => {
  const anna = await signIn(browser, 'anna');
  const boris = await signIn(browser, 'boris');
  const errors: string[] = [];
  for (const page of [anna, boris]) page.on('pageerror', (e) => errors.push(e.message));

  const annaToken = await token(request, 'anna');
  const inboundDowntime = async (): Promise<number> =>
    (await api<AvailabilityResponse>(request, 'get', '/api/v1/availability', annaToken)).groups.find((g) => g.group === 'inbound')?.downtimeMs ?? -1;
  const before = await inboundDowntime();

  // Beta and Gamma (both on inbound call processing, R20) write about the same failure.
  const file = async (login: string, subject: string): Promise<number> =>
    (await api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', await token(request, login), { kind: 'problem', subject, body: 'Incoming calls are not answered.' })).ticket.id;
  const beta = await file('beta.user', 'E2E: incoming calls drop at once');
  const gamma = await file('gamma.user', 'E2E: no inbound calls reach our operators');

  // anna declares an outage from Beta's ticket: the client's group is offered.
  await search(anna, String(beta));
  await row(anna, beta).click();
  const betaTicket = anna.getByRole('region', { name: `Ticket #${beta}` });
  await betaTicket.getByRole('button', { name: 'Declare outage' }).click();
  const declare = anna.getByRole('dialog', { name: `Declare an outage from ticket #${beta}` });
  await expect(declare.getByRole('checkbox', { name: 'Inbound call processing' })).toBeChecked();
  await expect(declare.getByRole('checkbox', { name: 'Autodialer' })).not.toBeChecked();
  await declare.getByRole('textbox', { name: 'Summary' }).fill('SIP trunk to the inbound platform is down');
  await declare.getByRole('button', { name: 'Declare' }).click();
  await expect(declare).toBeHidden();
  const outageId = Number((await betaTicket.getByRole('button', { name: /^Part of outage #\d+$/ }).textContent())?.replace(/\D/g, ''));

  // ...and links Gamma's from its ticket, the open outage offered.
  await search(anna, String(gamma));
  await row(anna, gamma).click();
  const gammaTicket = anna.getByRole('region', { name: `Ticket #${gamma}` });
  await gammaTicket.getByRole('button', { name: 'Link to outage' }).click();
  await anna.getByRole('dialog', { name: `Link ticket #${gamma} to an outage` }).getByRole('button', { name: `Link to outage #${outageId}` }).click();
  await expect(gammaTicket.getByRole('button', { name: `Part of outage #${outageId}` })).toBeVisible();

  // Both consoles show the outage above the queue, with both tickets and a countdown to start + 30 min that moves.
  for (const page of [anna, boris]) {
    const bar = page.getByRole('region', { name: 'Open outages' });
    await expect(bar).toContainText(`Outage #${outageId}: Inbound call processing`);
    await expect(bar).toContainText('2 tickets');
    const timer = bar.getByRole('timer');
    await expect(timer).toHaveAccessibleName(/left to restore \(R18\)$/);
    const first = await timer.textContent();
    expect(first).toMatch(/^(29|30):\d\d$/);
    await expect(timer).not.toHaveText(first ?? '');
  }

  // anna restores it from the bar: the bar is gone in both consoles.
  await anna.getByRole('region', { name: 'Open outages' }).getByRole('button', { name: `Outage #${outageId}: Inbound call processing` }).click();
  const view = anna.getByRole('dialog', { name: `Outage #${outageId}` });
  await view.getByRole('form', { name: 'Restore' }).getByRole('button', { name: 'Record restoration' }).click();
  await expect(view.getByRole('region', { name: 'Reply to all linked tickets' })).toBeVisible();
  await view.getByRole('button', { name: 'Close' }).click();
  for (const page of [anna, boris]) await expect(page.getByRole('region', { name: 'Open outages' })).toBeHidden();

  // The year's downtime grew by exactly this outage (R19: from Beta's receipt to the restoration).
  const outage = (await api<OutageDetail>(request, 'get', `/api/v1/outages/${outageId}`, annaToken)).outage;
  expect(outage).toMatchObject({ state: 'restored', ticketCount: 2, groups: ['inbound'] });
  const downtime = (outage.restoredAt ?? 0) - outage.startedAt;
  expect(downtime).toBeGreaterThan(0);
  const figures = await api<AvailabilityResponse>(request, 'get', '/api/v1/availability', annaToken);
  const inbound = figures.groups.find((g) => g.group === 'inbound');
  expect(inbound?.downtimeMs).toBe(before + downtime);

  // The availability screen shows the same figures as the API.
  await anna.getByRole('button', { name: 'Availability' }).click();
  const screen = anna.getByRole('dialog', { name: 'Availability' });
  const group = screen.getByRole('region', { name: 'Inbound call processing' });
  const figure = (term: string) => group.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(figure('Downtime')).toHaveText(formatBudgetDuration('en', inbound?.downtimeMs ?? 0));
  await expect(figure('Budget left')).toHaveText(formatBudgetDuration('en', inbound?.remainingBudgetMs ?? 0));
  expect(inbound?.remainingBudgetMs).toBeGreaterThan(0);

  expect(errors).toEqual([]);
});
