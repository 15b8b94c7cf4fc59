/**
 * A throwaway PostgreSQL cluster from the machine's binaries (/usr/lib/postgresql/<v>/bin), on
 * 127.0.0.1 and a free port, in a temp dir. The vitest globalSetup starts the shared one; a test
 * that must stop or restart PostgreSQL starts its own private one here (never the shared one).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The newest /usr/lib/postgresql/<v>/bin with initdb, or null. */
export function findPgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

/** A free TCP port on 127.0.0.1 (free when asked; good enough for tests). */
export function freePort(): Promise<number> {
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

/** A running cluster of our own. */
export interface PgCluster {
  /** A server URL without database: postgres://user@127.0.0.1:port */
  readonly baseUrl: string;
  readonly bin: string;
  /** `pg_ctl restart -m <mode>`; resolves once it accepts connections again. */
  restart(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** Stops it (immediate) and removes its directory. */
  destroy(): void;
}

/**
 * initdb + pg_ctl start; as the `postgres` user (runuser) when running as root. fsync off: tests need
 * speed, not durability. `settings` adds server settings (the burst bench records commit times).
 */
export function startPgCluster(bin: string, settings: Readonly<Record<string, string>> = {}): Promise<PgCluster> {
  return (async () => {
    const asRoot = process.getuid?.() === 0;
    const dir = mkdtempSync(join(tmpdir(), 'dutydesk-pg-'));
    const data = join(dir, 'data');
    const argv = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]);
    const run = (cmd: string, args: string[]): void => {
      const [file, a] = argv(cmd, args);
      execFileSync(file, a, { stdio: 'pipe' });
    };
    if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
    run('initdb', ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200${Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`).join('')}`;
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, 'start']);
    return {
      baseUrl: `postgres://${user}@127.0.0.1:${port}`,
      bin,
      async restart(mode = 'fast') {
        const [file, a] = argv('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-m', mode, '-o', options, 'restart']);
        await execFileAsync(file, a);
      },
      destroy() {
        const [file, a] = argv('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
        try {
          execFileSync(file, a, { stdio: 'ignore' });
        } catch {
          // Already stopped.
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  })();
}
