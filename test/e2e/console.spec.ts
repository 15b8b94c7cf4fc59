import { expect, test, type Page } from '@playwright/test';
import { api, token } from './support/api.ts';

/**
 * Issue 4's proof, in browser mode against the real ticket service (demo data, throwaway SQLite):
 * anna's queue is ordered by due time and counts down; she takes a ticket and asks a question
 * (paused, R13); the customer answers through the API and the clock restarts in her open console
 * (R21); she routes it to l2-analysts and it appears live in olga's console; the console switches
 * to Ukrainian. The service runs on a demo clock from a working Wednesday morning (playwright.config.ts).
 */

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(`^${login}\\b`) }).click();
  await expect(page.getByRole('grid', { name: 'Queue' })).toBeVisible();
  await expect(page.getByLabel('Connection: Online')).toBeVisible();
}

const row = (page: Page, number: number) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: `#${number}`, exact: true }) });

test('an L1 engineer works a ticket live, hands it to L2, and reads the console in Ukrainian', async ({ page, browser, request }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // Fresh tickets from customers: a problem for anna to work, and an escalated one whose
  // around-the-clock escalation clock (R25) counts down at any hour.
  const alpha = await token(request, 'alpha.user');
  const gamma = await token(request, 'gamma.user');
  const problem = (await api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', alpha, { kind: 'problem', subject: 'E2E: autodialer stops after 10 calls', body: 'It stops.' })).ticket.id;
  const urgent = (await api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', gamma, { kind: 'problem', subject: 'E2E: live broadcast cannot take calls', body: 'Urgent.' })).ticket.id;
  await api(request, 'post', `/api/v1/tickets/${urgent}/escalate`, gamma, { justification: 'A live TV broadcast is on air now and cannot take any calls.' });

  await signIn(page, 'anna');

  // An L1 engineer opens on her tier, ordered by due time as the service orders view=tier.
  await expect(page.getByRole('button', { name: 'My tier', pressed: true })).toBeVisible();
  const annaToken = await token(request, 'anna');
  const expected = (await api<{ tickets: { number: number }[] }>(request, 'get', '/api/v1/tickets?view=tier', annaToken)).tickets.slice(0, 8).map((t) => `#${t.number}`);
  const grid = page.getByRole('grid', { name: 'Queue' });
  await expect(grid.locator('[role="gridcell"].cell--number').first()).toHaveText(expected[0] ?? '');
  expect(await grid.locator('[role="gridcell"].cell--number').evaluateAll((cells) => cells.slice(0, 8).map((c) => c.textContent))).toEqual(expected);

  // Counts down: the escalated ticket's countdown (m:ss under an hour, R25) moves every second; its
  // description gives the exact due time. It waits at the escalation desk: in "Open", muted for her.
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill(String(urgent));
  await expect(row(page, urgent)).toHaveAccessibleDescription('another tier: Escalation desk');
  const urgentTimer = row(page, urgent).getByRole('timer');
  await expect(urgentTimer).toHaveAccessibleName(/^due in (19|20) minutes$/);
  const first = await urgentTimer.textContent();
  await expect(urgentTimer).not.toHaveText(first ?? '');
  expect(first).toMatch(/^1?\d:[0-5]\d$/);
  await expect(urgentTimer).toHaveAccessibleDescription(/^due \w{3} \d{1,2} \w{3} \d\d:\d\d support time \(Europe\/Kyiv\)/);

  // Take the fresh problem and ask a question: the ball is on the customer's side (R13).
  await page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill(String(problem));
  await row(page, problem).click();
  const ws = page.getByRole('region', { name: `Ticket #${problem}` });
  await ws.getByRole('button', { name: /^Take/ }).click();
  await expect(ws.getByText('Assignee: Anna Kovalenko')).toBeVisible();
  await ws.getByRole('button', { name: /^Ask a question/ }).click();
  await ws.getByRole('textbox', { name: 'Clarifying question to the customer' }).fill('Which campaign stops?');
  await ws.getByRole('button', { name: 'Send' }).click();
  const slaTimer = ws.getByRole('region', { name: 'SLA' }).getByRole('timer').first();
  await expect(slaTimer).toHaveAccessibleName('waiting for customer');
  await expect(row(page, problem).getByRole('timer')).toHaveText('waiting for customer');

  // The customer answers through the API; anna's open console restarts the clock without a reload (R21).
  await api(request, 'post', `/api/v1/tickets/${problem}/messages`, alpha, { type: 'reply', body: 'The "Autumn" campaign.' });
  await expect(ws.getByText('The "Autumn" campaign.')).toBeVisible();
  await expect(slaTimer).toHaveAccessibleName(/^(due in (19|20) minutes|starts .+, then due in 20 minutes)$/);
  await expect(row(page, problem).getByRole('timer')).not.toHaveText('waiting for customer');

  // olga (l2-analysts) watches her tier in a second browser.
  const olgaContext = await browser.newContext();
  const olga = await olgaContext.newPage();
  await signIn(olga, 'olga');
  await olga.getByRole('button', { name: 'My tier' }).click();
  await olga.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill('E2E');
  await expect(olga.getByText('No tickets in this view.')).toBeVisible();

  // anna routes along the technical path (R5): l1 -> l2-analysts is the only move offered.
  await ws.getByRole('button', { name: /^Route/ }).click();
  const dialog = page.getByRole('dialog', { name: `Route ticket #${problem}` });
  await expect(dialog.getByRole('combobox', { name: 'To tier' }).getByRole('option')).toHaveText(['L2 analysts']);
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Reproduced; needs an analyst.');
  await dialog.getByRole('button', { name: 'Route' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.getByRole('region', { name: 'Audit trail' })).toContainText('routed it from L1 support to L2 analysts');

  // ...and it appears live in olga's console.
  await expect(row(olga, problem)).toBeVisible();
  await expect(row(olga, problem)).toContainText('L2 analysts');
  await olgaContext.close();

  // Switch anna's console to Ukrainian (R10).
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption('uk');
  const settings = page.getByRole('dialog', { name: 'Налаштування' });
  await expect(settings).toBeVisible();
  await settings.getByRole('button', { name: 'Закрити' }).click();
  await expect(page.getByRole('grid', { name: 'Черга' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Мій рівень' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  // It stays Ukrainian after a reload (settings in localStorage).
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Черга' })).toBeVisible();

  expect(errors).toEqual([]);
});
