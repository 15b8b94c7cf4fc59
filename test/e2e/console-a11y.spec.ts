import { expect, test } from '@playwright/test';
import { api, token } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * axe-core on the ticket workspace and its dialogs (issue 12), in Chromium against the real service
 * with demo data: no serious or critical violation in the workspace of a fresh ticket taken by a
 * manager, nor in the route, escalate, merge, resolve and reopen dialogs, the canned-reply picker
 * and the settings dialog.
 */

test('the ticket workspace and every dialog pass axe-core', async ({ page, request }) => {
  test.setTimeout(60_000);
  const alpha = await token(request, 'alpha.user');
  const id = (await api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', alpha, { kind: 'problem', subject: 'A11yCheck: campaign stops', body: 'It stops.' })).ticket.id;

  await page.goto('/');
  await page.getByRole('button', { name: /^sofia\b/ }).click();
  await expect(page.getByLabel('Connection: Online')).toBeVisible();
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill('A11yCheck');
  await page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: `#${id}`, exact: true }) }).click();
  const ws = page.getByRole('region', { name: `Ticket #${id}` });
  await ws.getByRole('button', { name: /^Take/ }).click();
  await expect(ws.getByText(/Assignee: /)).toBeVisible();
  await expectAccessible(page, 'the queue with the workspace open');

  const dialogs: readonly { open: RegExp; name: RegExp }[] = [
    { open: /^Route/, name: /^Route ticket/ },
    { open: /^Move out of turn/, name: /./ },
    { open: /^Escalate for the customer/, name: /./ },
    { open: /^Merge/, name: /./ },
    { open: /^Resolve/, name: /./ },
  ];
  for (const d of dialogs) {
    await ws.getByRole('button', { name: d.open }).first().click();
    const dialog = page.getByRole('dialog', { name: d.name });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, `the dialog opened by ${d.open.source}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // The canned-reply picker in the composer.
  await ws.getByRole('button', { name: /^Reply/ }).click();
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectAccessible(page, 'the canned-reply picker');
  await page.keyboard.press('Escape');

  // Resolved (through the dialog, then the undo window), the reopen dialog.
  await ws.getByRole('button', { name: /^Resolve/ }).first().click();
  const resolve = page.getByRole('dialog');
  await resolve.getByRole('checkbox').check();
  await resolve.getByRole('button', { name: /^Resolve/ }).click();
  await expect(ws.getByRole('button', { name: /^Reopen/ })).toBeVisible({ timeout: 15_000 });
  await ws.getByRole('button', { name: /^Reopen/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'the reopen dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'the settings dialog');
});
