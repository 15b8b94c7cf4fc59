import { expect, test, type Locator, type Page } from '@playwright/test';
import { api, token } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * Issue 12's "reading the queue" in a real Chromium at 1280 px with a ticket open: the Due column
 * shows its longest label whole, the empty state sits below the column headers, a column widens by
 * a pointer drag on its header edge and keeps that width after a reload, and the page itself never
 * scrolls sideways (the queue does).
 */

const row = (page: Page, number: number) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: `#${number}`, exact: true }) });
const width = async (l: Locator): Promise<number> => (await l.boundingBox())?.width ?? Number.NaN;

test('the queue reads whole at 1280 px with a ticket open, and its columns resize and stay resized', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // A ticket waiting for the customer: "waiting for customer", the Due column's longest English label.
  const alpha = await token(request, 'alpha.user');
  const anna = await token(request, 'anna');
  const waiting = (await api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', alpha, { kind: 'problem', subject: 'E2E layout: which number rings?', body: 'Which one?' })).ticket.id;
  await api(request, 'post', `/api/v1/tickets/${waiting}/take`, anna, {});
  await api(request, 'post', `/api/v1/tickets/${waiting}/messages`, anna, { type: 'question', body: 'Which number do you call?' });

  await page.goto('/');
  await page.getByRole('button', { name: /^anna\b/ }).click();
  const grid = page.getByRole('grid', { name: 'Queue' });
  await expect(grid).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill(String(waiting));
  await row(page, waiting).click();
  await expect(page.getByRole('region', { name: `Ticket #${waiting}` })).toBeVisible();

  // The label is whole: its cell does not clip it.
  const timer = row(page, waiting).getByRole('timer');
  await expect(timer).toHaveText('waiting for customer');
  const cell = row(page, waiting).locator('.cell--due');
  expect(await cell.evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
  const [t, c] = [await timer.boundingBox(), await cell.boundingBox()];
  expect(t && c && t.x + t.width <= c.x + c.width).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await expectAccessible(page, 'the queue with a ticket open');

  // Drag the Due column's edge 40 px to the right: header and cells widen together.
  const dueHeader = grid.getByRole('columnheader', { name: 'Due' });
  const before = await width(dueHeader);
  const edge = await grid.getByRole('separator', { name: 'Resize the Due column' }).boundingBox();
  if (edge === null) throw new Error('no column edge');
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 20, edge.y + edge.height / 2);
  await page.mouse.move(edge.x + edge.width / 2 + 40, edge.y + edge.height / 2);
  await page.mouse.up();
  expect(await width(dueHeader)).toBeCloseTo(before + 40, 0);
  expect(await width(cell)).toBeCloseTo(before + 40, 0);

  // Remembered after a reload.
  await page.reload();
  await expect(grid.getByRole('columnheader', { name: 'Due' })).toBeVisible();
  await expect.poll(() => width(grid.getByRole('columnheader', { name: 'Due' }))).toBeCloseTo(before + 40, 0);

  // Nothing found: the words sit below the column headers, inside the grid.
  await page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill('no such ticket anywhere');
  const empty = grid.getByText('No tickets in this view.');
  await expect(empty).toBeVisible();
  const [head, words] = [await grid.getByRole('columnheader', { name: 'Due' }).boundingBox(), await empty.boundingBox()];
  expect(head && words && words.y >= head.y + head.height).toBe(true);
});

test('the queue sorts by a column header and filters from the toolbar, stays accessible, and remembers both after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: /^anna\b/ }).click();
  const grid = page.getByRole('grid', { name: 'Queue' });
  await expect(grid).toBeVisible();
  await page.getByRole('group', { name: 'Views' }).getByRole('button', { name: 'Open' }).click();
  const subjects = grid.locator('.queue-body [role="row"] .cell--subject');
  await expect(subjects.first()).toBeVisible();
  const shown = async (): Promise<string[]> => subjects.allTextContents();
  const collator = new Intl.Collator('en', { numeric: true });
  const ascending = (list: readonly string[]) => [...list].sort((a, b) => collator.compare(a, b));

  // Ascending by a click, descending by Enter on the focused header; aria-sort and the arrow say which.
  const subjectHeader = grid.getByRole('columnheader', { name: 'Subject' });
  await grid.getByRole('button', { name: 'Subject', exact: true }).click();
  await expect(subjectHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(subjectHeader).toContainText('▲');
  await expect.poll(async () => { const s = await shown(); return s.length > 3 && s.join('\n') === ascending(s).join('\n'); }).toBe(true);
  await grid.getByRole('button', { name: 'Subject', exact: true }).press('Enter');
  await expect(subjectHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => { const s = await shown(); return s.join('\n') === ascending(s).reverse().join('\n'); }).toBe(true);

  // Only unassigned tickets; the count follows the filter.
  const assignee = page.getByRole('combobox', { name: 'Assignee' });
  await assignee.selectOption({ label: 'Unassigned' });
  const assignees = grid.locator('.queue-body [role="row"] [role="gridcell"]:nth-child(8)');
  await expect.poll(async () => [...new Set(await assignees.allTextContents())]).toEqual(['Unassigned']);
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
  await expect(page.getByText(/^\d+ tickets?$/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await expectAccessible(page, 'the queue sorted and filtered');

  // After a reload: the same sort and filter.
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Queue' }).getByRole('columnheader', { name: 'Subject' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('combobox', { name: 'Assignee' })).toHaveValue('none');
  await expect.poll(async () => [...new Set(await assignees.allTextContents())]).toEqual(['Unassigned']);

  // Cleared, and back to the SLA order on the third press.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('combobox', { name: 'Assignee' })).toHaveValue('');
  await page.getByRole('grid', { name: 'Queue' }).getByRole('button', { name: 'Subject', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Queue' }).getByRole('columnheader', { name: 'Subject' })).not.toHaveAttribute('aria-sort', /.+/);
});
