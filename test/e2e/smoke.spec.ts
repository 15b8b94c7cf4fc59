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
