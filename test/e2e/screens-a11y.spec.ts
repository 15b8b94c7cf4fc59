import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';

/**
 * axe-core on the console's screens outside the queue and the workspace (issue 12): the on-call
 * roster, availability, the support calendar, the canned-reply editor (its list and its form) and
 * every tab of the administration, as the demo's administrator, who sees and may edit them all.
 * No serious or critical violation.
 */

async function openScreen(page: Page, button: string): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('banner').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeScreen(page: Page, dialog: ReturnType<Page['getByRole']>): Promise<void> {
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
}

test('the roster, availability, calendar, canned-reply and administration screens pass axe-core', async ({ page }) => {
  test.setTimeout(90_000); // one axe run per screen and tab, seconds each on a busy machine
  await page.goto('/');
  await page.getByRole('button', { name: /^admin\b/ }).click();
  await expect(page.getByLabel('Connection: Online')).toBeVisible();

  const roster = await openScreen(page, 'On-call roster');
  await expect(roster.getByRole('status').filter({ hasNotText: 'Loading' }).first()).toBeVisible();
  await expectAccessible(page, 'the on-call roster');
  await closeScreen(page, roster);

  const availability = await openScreen(page, 'Availability');
  await expect(availability.locator('.availability-group').first()).toBeVisible();
  await expectAccessible(page, 'the availability screen');
  await closeScreen(page, availability);

  const calendar = await openScreen(page, 'Support calendar');
  await expect(calendar.getByRole('form', { name: 'Support calendar' })).toBeVisible();
  await expectAccessible(page, 'the support calendar');
  await closeScreen(page, calendar);

  const canned = await openScreen(page, 'Canned replies');
  await expect(canned.getByRole('button', { name: 'Edit', exact: true }).first()).toBeVisible();
  await expectAccessible(page, 'the canned-reply list');
  await canned.getByRole('button', { name: 'Edit', exact: true }).first().click();
  await expect(canned.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await expectAccessible(page, 'the canned-reply form');
  await closeScreen(page, canned);

  const admin = await openScreen(page, 'Administration');
  const tabs = admin.getByRole('tab');
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(4);
  for (const name of names) {
    await admin.getByRole('tab', { name, exact: true }).click();
    await expect(admin.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(admin.getByText('Loading…')).toHaveCount(0);
    await expectAccessible(page, `the administration's ${name} tab`);
  }
  await closeScreen(page, admin);
});
