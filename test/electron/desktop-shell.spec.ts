import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// playwright.electron.config.ts finds the Electron binary, or says why it cannot.
const root = join(import.meta.dirname, '../..');
const executablePath = process.env.DUTYDESK_ELECTRON ?? null;
const why = 'the Electron binary is not available on this machine; the desktop shell suite runs wherever it is';

test.describe('desktop shell', () => {
  test.skip(executablePath === null, why);

  test('opens one secure window whose renderer reaches main over typed IPC', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'dd-electron-'));
    const app = await electron.launch({ executablePath: executablePath ?? '', args: [root, `--user-data-dir=${userData}`], cwd: root });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/DutyDesk/);
      const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
      expect(url).toBe('app://console/index.html');
      // Sandboxed, isolated, no Node in the page: only the bridge's functions.
      const page_ = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: typeof (window as unknown as { dutydesk: Record<string, unknown> }).dutydesk['tickets:list'],
      }));
      expect(page_).toEqual({ require: 'undefined', process: 'undefined', bridge: 'function' });
      const info = await page.evaluate(() => (window as unknown as { dutydesk: { 'app:info': () => Promise<{ ok: boolean; value: { mode: string } }> } }).dutydesk['app:info']());
      expect(info).toMatchObject({ ok: true, value: { mode: 'desktop' } });
      // A page that tries to navigate away stays where it is: main hears the attempt, refuses it,
      // and the page never starts loading elsewhere. The listener is in place before the attempt.
      await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents;
        (globalThis as { navigationDecided?: Promise<unknown> }).navigationDecided = new Promise((resolve) => {
          contents?.once('will-navigate', (event, url) => setImmediate(() => resolve({ url, prevented: event.defaultPrevented, loading: contents.isLoading() })));
        });
      });
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      const decided = await app.evaluate(() => (globalThis as { navigationDecided?: Promise<unknown> }).navigationDecided);
      expect(decided).toEqual({ url: 'https://example.org/', prevented: true, loading: false });
      expect(page.url()).toBe('app://console/index.html');
    } finally {
      await app.close();
    }
  });
});
