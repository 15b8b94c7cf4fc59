import { expect, test } from '@playwright/test';
import { CONSOLE_CSP, CONSOLE_CSP_META } from '../../shared/csp.ts';

// Proves the pipeline: the renderer builds, the service serves it, a real Chromium runs it and its shared/ code.
test('the console opens on the login screen with the support clock (R9)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The page runs under the one CSP (header and meta tag): nothing it needs may be refused,
  const refused: string[] = [];
  // …and the meta tag carries nothing the browser ignores there (frame-ancestors is header-only).
  page.on('console', (m) => void (/Refused to|violates the following Content Security Policy|frame-ancestors/.test(m.text()) && refused.push(m.text())));
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(CONSOLE_CSP);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONSOLE_CSP_META);
  await expect(page).toHaveTitle('DutyDesk');
  await expect(page.getByRole('heading', { name: 'Sign in to DutyDesk' })).toBeVisible();
  const clock = page.getByRole('region', { name: 'Support clock' });
  await expect(clock).toContainText('Europe/Kyiv');
  await expect(clock.getByRole('status')).toHaveText(/^(Working hours|Closed, opens .+)$/);
  await expect(page.getByRole('button', { name: /^anna\b/ })).toBeVisible();
  expect(errors).toEqual([]);
  expect(refused).toEqual([]);
});

// The first screen loads only its own code (issue 13): the sign-in and the queue fetch no chunk of
// the screens that open later; each screen's code arrives when it first opens.
test('the sign-in and the queue load no code of the other screens; opening one loads its own', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Chunk names without their 8-character content hash (which may itself hold a '-').
  const scripts: string[] = [];
  page.on('request', (r) => void (new URL(r.url()).pathname.endsWith('.js') && scripts.push(new URL(r.url()).pathname.replace(/-[\w-]{8}\.js$/, ''))));
  const later = ['admin-screen', 'availability-screen', 'charts', 'calendar-screen', 'editor-screen', 'roster-screen', 'outage-view', 'setup-screen', 'papaparse.min'].map((n) => `/assets/${n}`);
  const loadedLater = () => scripts.filter((s) => later.includes(s)).sort();

  await page.goto('/');
  await page.getByRole('button', { name: /^anna\b/ }).click();
  await expect(page.getByRole('grid', { name: 'Queue' }).getByRole('gridcell').first()).toBeVisible();
  expect(scripts).toContain('/assets/index');
  expect(loadedLater()).toEqual([]);

  await page.getByRole('banner').getByRole('button', { name: 'Support calendar', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Support calendar' }).getByRole('form', { name: 'Support calendar' })).toBeVisible();
  expect(loadedLater()).toEqual(['/assets/calendar-screen']);
  await page.getByRole('dialog', { name: 'Support calendar' }).getByRole('button', { name: 'Close', exact: true }).first().click();

  await page.getByRole('banner').getByRole('button', { name: 'Availability', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Availability' }).locator('.availability-group').first()).toBeVisible();
  expect(loadedLater()).toEqual(['/assets/availability-screen', '/assets/calendar-screen', '/assets/charts', '/assets/papaparse.min']);
  expect(errors).toEqual([]);
});
