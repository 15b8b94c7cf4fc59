import { chromium, defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Playwright's own browser when it is installed, else Debian's (no browser downloads here).
const ownBrowser = existsSync(chromium.executablePath());
const PORT = 5179;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: ownBrowser
      ? {}
      : {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
  },
  webServer: {
    command: `vite build -c vite.renderer.config.ts --logLevel warn && vite preview -c vite.renderer.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
