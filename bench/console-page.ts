// The browser console in Chromium, as the benches drive it (bench/bundle.bench.ts,
// bench/console-frames.bench.ts): launching /usr/bin/chromium and timing a login to the first
// painted queue rows inside the page.
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Chromium as Playwright ships it, else the system's; null when neither is installed. */
export async function launchChromium(): Promise<Browser | null> {
  const executablePath = existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium';
  if (executablePath !== undefined && !existsSync(executablePath)) return null;
  return chromium.launch(executablePath === undefined ? {} : { executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
}

/** One login: from the click to the frame after the first queue row is in the DOM, and the service requests in between. */
export interface LoginRun {
  readonly ms: number;
  readonly requests: readonly { readonly path: string; readonly ms: number }[];
}

/**
 * Opens the console at `url` on `page`, clicks the demo login whose button's name matches `login`
 * and times, inside the page (no round trip to Playwright counts), the click to the frame after
 * the first queue row is in the DOM (requestAnimationFrame: the browser has painted it).
 */
export async function loginToFirstRows(page: Page, url: string, login: RegExp): Promise<LoginRun> {
  await page.goto(`${url}/`);
  const button = page.getByRole('button', { name: login });
  await button.waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { ddClickAt?: number; ddRowsAt?: Promise<number> };
    w.ddRowsAt = new Promise<number>((resolve) => {
      document.addEventListener('click', () => (w.ddClickAt = performance.now()), { capture: true, once: true });
      const seen = new MutationObserver(() => {
        if (document.querySelector('[role="grid"] [role="gridcell"]') === null) return;
        seen.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
  });
  await button.click();
  return page.evaluate(async () => {
    const w = window as unknown as { ddClickAt?: number; ddRowsAt?: Promise<number> };
    const rowsAt = (await w.ddRowsAt) ?? Number.NaN;
    const clickAt = w.ddClickAt ?? Number.NaN;
    // Where the time went: each service request between the click and the rows (Resource Timing).
    const requests = performance.getEntriesByType('resource').filter((e) => e.startTime >= clickAt && e.startTime <= rowsAt && new URL(e.name).pathname.startsWith('/api/'));
    return { ms: rowsAt - clickAt, requests: requests.map((e) => ({ path: new URL(e.name).pathname, ms: e.duration })) };
  });
}
