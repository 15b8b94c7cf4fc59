/**
 * `npm run admin -- setup --code <code> --login <login> --name <name> --organization <name>
 *   [--language en|ru|uk] [--db <sqlite path | postgres url>]`
 * The first start without a browser: sets DutyDesk up on the database directly (no HTTP), with the
 * one-time code the service printed. The admin's password is read from standard input (its first
 * line; a pipe works, e.g. `printf '%s\n' "$PASSWORD" | npm run admin -- setup ...`; on a terminal
 * it is asked for, and shown as typed). DATABASE_URL selects PostgreSQL when --db is not given.
 * Exit codes: 0 set up; 1 refused (wrong or void code, set up already) or failed; 2 bad usage or input.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { setupRequestSchema } from '../shared/api/index.ts';
import { openDatabase } from '../server/db/index.ts';
import { DomainError } from '../server/domain/errors.ts';
import { createSetupService } from '../server/domain/setup-service.ts';

const USAGE = 'usage: npm run admin -- setup --code <code> --login <login> --name <name> --organization <name> [--language en|ru|uk] [--db <sqlite file | postgres url>]  (password on standard input)';

/** A refusal the person at the terminal can act on. */
class UsageError extends Error {}

/** Where a field of the request came from, as the person typed it. */
const SOURCE: Readonly<Record<string, string>> = {
  code: '--code',
  organization: '--organization',
  'admin.login': '--login',
  'admin.name': '--name',
  'admin.language': '--language',
  'admin.password': 'the password (standard input)',
};

/** The first line of standard input: asked for on a terminal, read to its end from a pipe. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question('Password for the new admin (at least 10 characters): ');
    } finally {
      rl.close();
    }
  }
  let all = '';
  for await (const chunk of process.stdin) all += String(chunk);
  return all.split(/\r?\n/)[0] ?? '';
}

async function setup(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { code: { type: 'string' }, login: { type: 'string' }, name: { type: 'string' }, organization: { type: 'string' }, language: { type: 'string' }, db: { type: 'string' } },
    strict: true,
  });
  for (const option of ['code', 'login', 'name', 'organization'] as const) if (values[option] === undefined) throw new UsageError(`--${option} is required\n${USAGE}`);
  const password = await readPassword();
  const parsed = setupRequestSchema.safeParse({
    code: values.code,
    organization: values.organization,
    admin: { login: values.login, name: values.name, password, ...(values.language === undefined ? {} : { language: values.language }) },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new UsageError(`${SOURCE[path] ?? path}: ${issue?.message ?? 'is invalid'}`);
  }
  const location = values.db ?? process.env.DATABASE_URL ?? './data/dutydesk.sqlite';
  const db = await openDatabase(location);
  try {
    const setupService = createSetupService({ db, now: Date.now, tokenTtlMs: 0 });
    const { user } = await setupService.completeWithoutSignIn(parsed.data);
    console.log(`DutyDesk is set up for ${parsed.data.organization}: ${user.name} (${user.login}) is its admin. Sign in at the console with that login and password.`);
  } finally {
    await db.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command !== 'setup') throw new UsageError(command === undefined ? USAGE : `unknown command ${command}\n${USAGE}`);
  await setup(rest);
} catch (error) {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${command === 'setup' ? 'setup refused' : 'admin'}: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof DomainError) {
    console.error(`setup refused: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
