/**
 * A throwaway PostgreSQL for the test run: DATABASE_URL when set, else a cluster started from the
 * machine's binaries (/usr/lib/postgresql/<v>/bin) on 127.0.0.1 and a free port, in a temp dir.
 * Used as a vitest globalSetup; test files get the server URL through inject('pgBaseUrl') and
 * create their own database so suites never collide.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL without database (postgres://user@host:port), or null when PostgreSQL is unavailable. */
    pgBaseUrl: string | null;
  }
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
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
  const bin = findBinDir();
  if (bin === null) {
    const message = 'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb) and DATABASE_URL unset: the PostgreSQL suites are SKIPPED.';
    if (process.env.CI !== undefined && process.env.CI !== '') throw new Error(`${message} In CI they must run.`);
    console.warn(`\n${'!'.repeat(100)}\n!!! ${message}\n${'!'.repeat(100)}\n`);
    project.provide('pgBaseUrl', null);
    return () => {};
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'dutydesk-pg-'));
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  // fsync off: a test cluster needs speed, not durability.
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start']);
  project.provide('pgBaseUrl', `postgres://${user}@127.0.0.1:${port}`);
  return () => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']] : [join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']];
    spawnSync(file, argv, { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
}
