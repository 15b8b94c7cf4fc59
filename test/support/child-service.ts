/**
 * The real service as a child process (`node server/cli.ts`), for tests that kill it (SIGKILL),
 * stop it, or restart it on the same database and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { hashPassword } from '../../server/auth/passwords.ts';
import { openDatabase } from '../../server/db/index.ts';
import { seedPeople } from '../../server/demo/people.ts';

const CLI = join(import.meta.dirname, '../../server/cli.ts');

/** A running service process. */
export interface ChildService {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Everything it wrote to stderr so far (its log). */
  stderr(): string;
  /** Everything it wrote to stdout so far (`listening on ...`, the setup code). */
  stdout(): string;
  /** SIGKILL: no shutdown code runs. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM: the orderly shutdown. Resolves once the process is gone. */
  stop(): Promise<void>;
}

/** Starts `node server/cli.ts --db <location> --port <port>` (with `env` added to this process's environment) and resolves once it prints `listening on`. */
export function startChildService(location: string, options: { port?: number; args?: readonly string[]; env?: Readonly<Record<string, string>> } = {}): Promise<ChildService> {
  const child = spawn(process.execPath, [CLI, '--db', location, '--port', String(options.port ?? 0), ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }),
  });
  let err = '';
  let out = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        const url = m[1];
        resolve({ url, port: Number(new URL(url).port), process: child, stderr: () => err, stdout: () => out, kill9: gone('SIGKILL'), stop: gone('SIGTERM') });
      }
    });
    void exited.then(() => reject(new Error(`service exited before listening (code ${child.exitCode}): ${err}`)));
  });
}

let hash: Promise<string> | undefined;

/** Creates and migrates the database at `location` with the demo people (password "demo"), no tickets. */
export async function seedPeopleAt(location: string): Promise<void> {
  hash ??= hashPassword('demo');
  const db = await openDatabase(location);
  try {
    const h = await hash;
    await db.kysely.transaction().execute((trx) => seedPeople(trx, h, Date.now()));
  } finally {
    await db.close();
  }
}
