import { chromium, defineConfig } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Playwright's own browser when it is installed, else Debian's (no browser downloads here).
const ownBrowser = existsSync(chromium.executablePath());
// Ports from the environment, so two runs on one machine do not collide: DUTYDESK_E2E_PORT is the
// first of three consecutive ports (default 5179, 5180, 5181).
const PORT = Number(process.env.DUTYDESK_E2E_PORT ?? 5179);
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65533) throw new Error(`DUTYDESK_E2E_PORT must be a port number, not ${process.env.DUTYDESK_E2E_PORT}`);
// A throwaway database per run; the service seeds the demo data into it at start.
// The demo clock starts on a working Wednesday at 10:00 in Kyiv, so the run does not depend on the
// hour it happens at (after hours the console would be in on-call mode).
const CLOCK = '2026-11-25T08:00:00Z';
const DB = process.env.DUTYDESK_E2E_DB ??= join(mkdtempSync(join(tmpdir(), 'dutydesk-e2e-')), 'e2e.sqlite');
// The on-call scenario (test/e2e/oncall.spec.ts) has a service of its own: 02:00 on a Saturday in
// Kyiv (after hours, boris primary and olga secondary in the demo roster) and a one-minute ack timeout.
const ONCALL_PORT = PORT + 1;
const ONCALL_CLOCK = '2026-11-28T00:00:00Z';
const ONCALL_DB = process.env.DUTYDESK_E2E_ONCALL_DB ??= join(mkdtempSync(join(tmpdir(), 'dutydesk-e2e-oncall-')), 'e2e.sqlite');
const ONCALL_SPEC = /oncall\.spec\.ts$/;
// The first-start scenario (test/e2e/first-start.spec.ts) has an empty service of its own, no demo
// data, on a demo clock at 10:00 on a working Monday in Kyiv; its log (with the one-time setup code)
// goes to a file the test reads.
const ADMIN_PORT = PORT + 2;
const ADMIN_CLOCK = '2026-11-30T08:00:00Z';
const ADMIN_DIR = mkdtempSync(join(tmpdir(), 'dutydesk-e2e-admin-'));
const ADMIN_DB = process.env.DUTYDESK_E2E_ADMIN_DB ??= join(ADMIN_DIR, 'e2e.sqlite');
const ADMIN_LOG = process.env.DUTYDESK_E2E_ADMIN_LOG ??= join(ADMIN_DIR, 'service.log');
const ADMIN_SPEC = /first-start\.spec\.ts$/;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  projects: [
    { name: 'console', testIgnore: [ONCALL_SPEC, ADMIN_SPEC], use: { baseURL: `http://127.0.0.1:${PORT}` } },
    { name: 'oncall', testMatch: ONCALL_SPEC, use: { baseURL: `http://127.0.0.1:${ONCALL_PORT}` } },
    { name: 'first-start', testMatch: ADMIN_SPEC, use: { baseURL: `http://127.0.0.1:${ADMIN_PORT}` } },
  ],
  use: {
    launchOptions: ownBrowser
      ? {}
      : {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
  },
  // Browser mode on a real ticket service: build the renderer, then the service serves it at `/`.
  // Playwright starts the servers one after the other, so the second serves the renderer the first built.
  webServer: [
    {
      command: `vite build -c vite.renderer.config.ts --logLevel error && "${process.execPath}" server/cli.ts --demo --clock ${CLOCK} --db "${DB}" --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/v1/info`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: `"${process.execPath}" server/cli.ts --demo --clock ${ONCALL_CLOCK} --paging-ack 1 --db "${ONCALL_DB}" --port ${ONCALL_PORT} --console out/renderer`,
      url: `http://127.0.0.1:${ONCALL_PORT}/api/v1/info`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `"${process.execPath}" server/cli.ts --clock ${ADMIN_CLOCK} --db "${ADMIN_DB}" --port ${ADMIN_PORT} --console out/renderer > "${ADMIN_LOG}" 2>&1`,
      url: `http://127.0.0.1:${ADMIN_PORT}/api/v1/info`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
