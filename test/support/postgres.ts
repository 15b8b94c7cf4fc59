/**
 * A throwaway PostgreSQL for the test run: DATABASE_URL when set, else a cluster started from the
 * machine's binaries (test/support/pg-cluster.ts) on 127.0.0.1 and a free port, in a temp dir.
 * Used as a vitest globalSetup; test files get the server URL through inject('pgBaseUrl') and
 * create their own database so suites never collide.
 */
import type { TestProject } from 'vitest/node';
import { findPgBinDir, startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL without database (postgres://user@host:port), or null when PostgreSQL is unavailable. */
    pgBaseUrl: string | null;
  }
}

/** vitest globalSetup: starts the cluster, provides its URL, and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => void> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv !== undefined && fromEnv !== '') {
    const url = new URL(fromEnv);
    url.pathname = '';
    project.provide('pgBaseUrl', url.toString().replace(/\/$/, ''));
    return () => {};
  }
  const bin = findPgBinDir();
  if (bin === null) {
    const message = 'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb) and DATABASE_URL unset: the PostgreSQL suites are SKIPPED.';
    if (process.env.CI !== undefined && process.env.CI !== '') throw new Error(`${message} In CI they must run.`);
    console.warn(`\n${'!'.repeat(100)}\n!!! ${message}\n${'!'.repeat(100)}\n`);
    project.provide('pgBaseUrl', null);
    return () => {};
  }
  const cluster = await startPgCluster(bin);
  project.provide('pgBaseUrl', cluster.baseUrl);
  return () => cluster.destroy();
}
