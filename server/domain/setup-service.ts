/**
 * The first start (docs/administration.md): a service on a database without accounts issues a
 * one-time setup code at start, keeps only its SHA-256 in service_settings 'setup', and waits;
 * POST /api/v1/setup (or `npm run admin -- setup`) with that code creates the organisation, the
 * support calendar and the first admin, signed in, in one transaction. Afterwards the code is
 * void and setup answers 409.
 *
 * Each start while waiting issues a new code and voids the one before: the code printed last is
 * the one that works (with several instances on one PostgreSQL, the last one started).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ValidSetupRequest } from '../../shared/api/setup.ts';
import type { User } from '../../shared/model/index.ts';
import { createGuessLimit, type GuessLimit } from '../auth/guess-limit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashToken, MAX_USER_AGENT } from '../auth/sessions.ts';
import type { Db } from '../db/index.ts';
import { writeAdminAudit } from '../store/admin-audit.ts';
import type { Executor } from '../store/executor.ts';
import { getSetting, getSettingRecord, putSetting, replaceSetting } from '../store/settings.ts';
import { insertSession, insertUser, userById } from '../store/users.ts';
import { conflict, forbidden, tooManyRequests } from './errors.ts';

/** service_settings keys this module reads and writes. */
export const SETUP_KEY = 'setup';
export const ORGANIZATION_KEY = 'organization';
/** The support calendar given at setup (the calendar's owner applies it). */
export const CALENDAR_KEY = 'calendar';

/** Wrong setup codes allowed per window, per process (server/auth/guess-limit.ts). */
export const MAX_WRONG_CODES = 10;
export const WRONG_CODES_WINDOW_MS = 60_000;

/** Crockford's base32: no I, L, O or U, so what is read from a log is typed right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const setupStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting'), codeHash: z.string(), issuedAt: z.number() }),
  z.object({ state: z.literal('done'), at: z.number(), by: z.number().nullable() }),
]);
const organizationSchema = z.object({ name: z.string() });

/** A new code: 16 characters of ALPHABET (80 random bits), in groups of four: `7K2M-QX4D-09HB-TW3R`. */
export function generateSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? 'A');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as compared: upper case, without spaces and dashes, O read as 0 and I or L as 1 (Crockford's decoding). */
export function normalizeSetupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function hashCode(code: string): Buffer {
  return createHash('sha256').update(normalizeSetupCode(code)).digest();
}

/** Where the first start stands. */
export interface SetupStatus {
  /** No accounts yet: the service waits for setup. */
  readonly waiting: boolean;
  /** The organisation's name once set up (null before, and on demo data). */
  readonly organization: string | null;
}

/** What setup answers: the new admin, signed in (with a password of their own: no change required). */
export interface SetupResult {
  readonly token: string;
  readonly expiresAt: number;
  readonly user: User;
  readonly mustChangePassword: false;
}

/** What the setup service needs. */
export interface SetupServiceDeps {
  readonly db: Db;
  readonly now: () => number;
  readonly tokenTtlMs: number;
  /** Wrong guesses allowed per process; default MAX_WRONG_CODES per WRONG_CODES_WINDOW_MS. */
  readonly guesses?: GuessLimit;
}

/** Whether the database has any account: without one it waits for setup (and may run on a trial clock). */
export async function hasUsers(ex: Executor): Promise<boolean> {
  return (await ex.selectFrom('users').select('id').limit(1).execute()).length > 0;
}

/** The setup service. */
export type SetupService = ReturnType<typeof createSetupService>;

/** Builds the setup service over a database. */
export function createSetupService(deps: SetupServiceDeps) {
  const { db } = deps;
  const guesses = deps.guesses ?? createGuessLimit(MAX_WRONG_CODES, WRONG_CODES_WINDOW_MS, deps.now);
  const alreadySetUp = () => conflict('DutyDesk is set up already; sign in instead');

  /** The code stored now, or the refusal a guess gets (409 set up, 403 no code issued). */
  async function waitingState(ex: Executor) {
    const record = await getSettingRecord(ex, SETUP_KEY, setupStateSchema);
    if (record?.value.state === 'done' || (await hasUsers(ex))) throw alreadySetUp();
    if (record === undefined || record.value.state !== 'waiting') throw forbidden('no setup code has been issued: start the service (npm run serve) and use the code it prints');
    return { ...record, value: record.value };
  }

  function codeMatches(code: string, codeHash: string): boolean {
    const expected = Buffer.from(codeHash, 'base64url');
    const actual = hashCode(code);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** The one transaction of setup; a session only for `via: 'api'`. */
  async function setUp(request: ValidSetupRequest, how: { via: 'api'; userAgent: string | undefined } | { via: 'cli' }) {
    const claim = guesses.claim();
    if (!claim.granted) {
      const seconds = Math.max(1, Math.ceil((claim.retryAt - deps.now()) / 1000));
      throw tooManyRequests(`too many wrong setup codes; try again in ${seconds} second${seconds === 1 ? '' : 's'}`);
    }
    let wrong = false;
    try {
      // Checked before the slow password hash, so guesses cost the service little.
      const state = await waitingState(db.kysely);
      if (!codeMatches(request.code, state.value.codeHash)) {
        wrong = true;
        throw forbidden('wrong setup code: use the code the service printed last (each start makes a new one)');
      }
      const passwordHash = await hashPassword(request.admin.password);
      return await db.kysely.transaction().execute(async (trx) => {
        const now = deps.now();
        const current = await waitingState(trx);
        // The code may have changed (a restart) while the password was hashed.
        if (!codeMatches(request.code, current.value.codeHash)) throw forbidden('wrong setup code: the service made a new one since; use the code it printed last');
        // Spend the code first: a concurrent setup (another instance) waits on this row, then finds it spent.
        if (!(await replaceSetting(trx, SETUP_KEY, current.stored, { state: 'done', at: now, by: null }, null, now))) throw alreadySetUp();
        const id = await insertUser(trx, { login: request.admin.login, name: request.admin.name, kind: 'agent', role: 'admin', tiers: [], language: request.admin.language ?? 'en', passwordHash }, now);
        await putSetting(trx, SETUP_KEY, { state: 'done', at: now, by: id }, id, now);
        await putSetting(trx, ORGANIZATION_KEY, { name: request.organization }, id, now);
        if (request.calendar !== undefined) await putSetting(trx, CALENDAR_KEY, request.calendar, id, now);
        await writeAdminAudit(trx, {
          actorId: id,
          action: 'setup',
          targetKind: 'setup',
          targetId: id,
          detail: { organization: request.organization, admin: { login: request.admin.login, name: request.admin.name }, calendar: request.calendar ?? null, via: how.via },
          at: now,
        });
        let session: { token: string; expiresAt: number } | null = null;
        if (how.via === 'api') {
          const token = randomBytes(32).toString('base64url');
          const expiresAt = now + deps.tokenTtlMs;
          await insertSession(trx, hashToken(token), id, now, expiresAt, how.userAgent?.slice(0, MAX_USER_AGENT));
          session = { token, expiresAt };
        }
        const user = await userById(trx, id);
        if (user === undefined) throw new Error('the new admin vanished inside its own transaction');
        return { user, session };
      });
    } finally {
      claim.ticket.settle(wrong);
    }
  }

  return {
    /**
     * Issues a new code when the database has no accounts and setup is not done (the old code
     * becomes void); null otherwise. Only its hash is stored: the caller shows the code once.
     */
    async issueCode(): Promise<string | null> {
      return db.kysely.transaction().execute(async (trx) => {
        if (await hasUsers(trx)) return null;
        const state = await getSetting(trx, SETUP_KEY, setupStateSchema);
        if (state?.state === 'done') return null;
        const code = generateSetupCode();
        await putSetting(trx, SETUP_KEY, { state: 'waiting', codeHash: hashCode(code).toString('base64url'), issuedAt: deps.now() }, null, deps.now());
        return code;
      });
    },

    /** Whether the service waits for setup, and the organisation's name once it is set up. */
    async status(): Promise<SetupStatus> {
      const waiting = !(await hasUsers(db.kysely));
      const organization = waiting ? undefined : await getSetting(db.kysely, ORGANIZATION_KEY, organizationSchema);
      return { waiting, organization: organization?.name ?? null };
    },

    /**
     * Sets DutyDesk up and signs the new admin in (POST /api/v1/setup): 409 once set up, 403 for
     * a wrong, void or missing code, 429 after too many wrong codes. In one transaction: the code
     * is spent, the admin created and signed in, the organisation and calendar stored, and the
     * admin audit records it.
     */
    async complete(request: ValidSetupRequest, userAgent?: string): Promise<SetupResult> {
      const done = await setUp(request, { via: 'api', userAgent });
      if (done.session === null) throw new Error('setup without the session it was asked for');
      return { ...done.session, user: done.user, mustChangePassword: false };
    },

    /** The same, without signing anyone in (`npm run admin -- setup`: the admin signs in at a console). */
    async completeWithoutSignIn(request: ValidSetupRequest): Promise<{ user: User }> {
      const done = await setUp(request, { via: 'cli' });
      return { user: done.user };
    },
  };
}
