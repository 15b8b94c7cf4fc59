import { expect, test } from '@playwright/test';

// Proves the pipeline: the renderer builds, a real Chromium loads it, and it runs shared/ code.
test('the console opens and shows the support clock (R9)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle('DutyDesk');
  const clock = page.getByRole('region', { name: 'Support clock' });
  await expect(clock).toContainText('Europe/Kyiv');
  await expect(page.getByRole('status')).toHaveText(/Support is (working now|closed; it opens .+)\./);
  expect(errors).toEqual([]);
});
