/** What the service prints, once, while it waits for its first start (server/domain/setup-service.ts). */

/** Where the notice points the operator. */
export interface SetupNoticeOptions {
  /** The service's address, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly code: string;
  /** Whether the service serves the browser console at `/`. */
  readonly console: boolean;
  /** The --db to repeat in the command line hint (a PostgreSQL URL is not repeated: it may hold a password). */
  readonly db: string | null;
}

/** The lines of the notice, as Jenkins prints its initial admin password. */
export function setupNotice(o: SetupNoticeOptions): string {
  const where = o.console ? `Open ${o.url}/ and enter the setup code ${o.code}` : `Open the console on ${o.url} and enter the setup code ${o.code}`;
  const db = o.db === null ? '' : /^postgres(ql)?:\/\//i.test(o.db) ? ' --db <postgres url>' : ` --db ${o.db}`;
  return [
    `DutyDesk is not set up yet. ${where}`,
    `  (or without a browser: npm run admin -- setup --code ${o.code} --login <login> --name <name> --organization <name>${db}, password on standard input).`,
    '  The code works once; each start of the service makes a new one and voids the last.',
  ].join('\n');
}
