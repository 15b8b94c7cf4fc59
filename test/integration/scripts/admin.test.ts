/** `npm run admin -- setup`: the first start without a browser, beside the running service, on its database. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index.ts';
import { startChildService, type ChildService } from '../../support/child-service.ts';
import { engines, freshDatabase } from '../../support/service.ts';

const ADMIN = join(import.meta.dirname, '../../../scripts/admin.ts');

/** Runs the admin script with `stdin` piped in; its exit code and output. */
function admin(args: readonly string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [ADMIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The code of the service's setup notice, once it has printed it. */
async function codeFrom(service: ChildService): Promise<string> {
  for (;;) {
    const match = /enter the setup code (\S+)/.exec(service.stdout());
    if (match?.[1] !== undefined) return match[1];
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(engines())('npm run admin -- setup on %s', (engine) => {
  let location: string;
  let drop: () => Promise<void>;
  let service: ChildService;
  let code: string;
  const args = (over: Record<string, string> = {}) => ['setup', ...Object.entries({ '--code': code, '--login': 'olena', '--name': 'Olena Shevchenko', '--organization': 'Acme Telecom', '--db': location, ...over }).flat()];

  beforeAll(async () => {
    ({ location, drop } = await freshDatabase(engine));
    service = await startChildService(location);
    code = await codeFrom(service);
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await drop();
  });

  it('the service prints the code once, with the URL of its console and the command line', async () => {
    const out = service.stdout();
    // "Open http://.../" when the renderer is built (out/renderer), else "Open the console on http://...".
    expect(out).toMatch(new RegExp(`^DutyDesk is not set up yet\\. Open (the console on )?${service.url.replace(/\./g, '\\.')}/? and enter the setup code ${code}$`, 'm'));
    expect(out).toContain(`npm run admin -- setup --code ${code} --login <login>`);
    expect(out.split(code).length - 1).toBe(2);
    expect(await (await fetch(`${service.url}/api/v1/info`)).json()).toMatchObject({ setup: true });
  });

  it('refuses bad input (exit 2), naming the option, and a wrong code (exit 1), changing nothing', async () => {
    expect(await admin(args({ '--login': 'Olena Sh' }), 'long enough secret\n')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^setup refused: --login: must be 2 to 100 lower-case letters/) });
    expect(await admin(args(), 'short\n')).toEqual({ code: 2, stdout: '', stderr: 'setup refused: the password (standard input): must be at least 10 characters\n' });
    expect(await admin(args(), 'olena\n')).toMatchObject({ code: 2, stderr: 'setup refused: the password (standard input): must be at least 10 characters\n' });
    expect(await admin(args({ '--login': 'olena.admin' }), 'OLENA.ADMIN\n')).toMatchObject({ code: 2, stderr: 'setup refused: the password (standard input): must not be the login\n' });
    expect(await admin(['setup', '--code', code], 'long enough secret\n')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^setup refused: --login is required\nusage: npm run admin -- setup/) });
    expect(await admin(['create'], '')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^admin: unknown command create\nusage:/) });
    const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    expect(await admin(args({ '--code': wrong }), 'long enough secret\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^setup refused: wrong setup code/) });
    expect(await (await fetch(`${service.url}/api/v1/info`)).json()).toMatchObject({ setup: true });
  });

  it('with the code and the password on standard input it sets DutyDesk up; the running service sees it at once', async () => {
    const done = await admin(args(), 'long enough secret\n');
    expect(done).toEqual({ code: 0, stderr: '', stdout: 'DutyDesk is set up for Acme Telecom: Olena Shevchenko (olena) is its admin. Sign in at the console with that login and password.\n' });
    expect(await (await fetch(`${service.url}/api/v1/info`)).json()).toMatchObject({ setup: false, organization: 'Acme Telecom' });
    // The script signs nobody in: no session exists until the admin signs in.
    const db = await openDatabase(location);
    expect(await db.kysely.selectFrom('sessions').select('token_hash').execute()).toEqual([]);
    await db.close();
    const signIn = await fetch(`${service.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'olena', password: 'long enough secret' }) });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { user: { role: string } }).user.role).toBe('admin');
  });

  it('a second time it is refused: set up already (exit 1); a restart prints no code', async () => {
    expect(await admin(args({ '--login': 'second' }), 'long enough secret\n')).toMatchObject({ code: 1, stderr: 'setup refused: DutyDesk is set up already; sign in instead\n' });
    await service.stop();
    service = await startChildService(location);
    expect(service.stdout()).not.toContain('setup code');
    expect(await (await fetch(`${service.url}/api/v1/info`)).json()).toMatchObject({ setup: false });
  }, 60_000);
});
