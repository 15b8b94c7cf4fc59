import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/{unit,integration}/**/*.test.{ts,tsx}'],
    // electron-store imports electron; inlining it lets tests mock electron (no binary here).
    server: { deps: { inline: ['electron-store'] } },
    restoreMocks: true,
    // A suite's setup starts real services (and PostgreSQL databases): more than the default 10 s on a busy 2-core machine.
    hookTimeout: 30_000,
    // One throwaway PostgreSQL cluster for the whole run (server suites); skipped loudly when absent.
    globalSetup: ['test/support/postgres.ts'],
  },
});
