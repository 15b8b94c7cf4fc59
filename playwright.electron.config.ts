import { defineConfig } from '@playwright/test';
import { spawnSync } from 'node:child_process';

// The desktop shell suite (`npm run test:electron`) needs the Electron binary. Resolving `electron`
// fetches it on first use; without a network that fails, and the suite says so and skips.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: import.meta.dirname, encoding: 'utf8' });
if (probe.status === 0) process.env.DUTYDESK_ELECTRON = probe.stdout;
else console.log('SKIPPED desktop shell suite: the Electron binary is not available on this machine (it cannot be downloaded here); it runs wherever Electron can.');

export default defineConfig({
  testDir: 'test/electron',
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 60_000,
});
