/**
 * The rule every new password follows (first admin at setup, a changed own password): at least
 * MIN_PASSWORD_LENGTH characters, at most MAX_PASSWORD_LENGTH (what sign-in accepts), and not the
 * login itself. Pure, so the service refuses and the console explains with the same rule.
 */
import { assertNever } from '../assert-never.ts';
import type { Translate } from '../i18n/index.ts';

/** The least number of characters (Unicode code points, after NFC) of a new password. */
export const MIN_PASSWORD_LENGTH = 10;
/** The most characters of a password: sign-in (POST /api/v1/session) accepts no longer one. */
export const MAX_PASSWORD_LENGTH = 200;

/** Why a new password is refused. */
export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_login';

/** A refused password: the problem (the console words it per language) and an English message. */
export interface PasswordRefusal {
  readonly problem: PasswordProblem;
  readonly message: string;
}

/** Characters as a person counts them: code points of the NFC form (the form that is hashed). */
function length(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** Logins are compared as people type them: trimmed, case-insensitive. */
function sameText(a: string, b: string): boolean {
  return a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();
}

/** Null when `password` may be the new password of `login`; else why not. */
export function checkNewPassword(login: string, password: string): PasswordRefusal | null {
  const n = length(password);
  if (n < MIN_PASSWORD_LENGTH) return { problem: 'too_short', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` };
  if (n > MAX_PASSWORD_LENGTH) return { problem: 'too_long', message: `must be at most ${MAX_PASSWORD_LENGTH} characters` };
  if (sameText(login, password)) return { problem: 'same_as_login', message: 'must not be the login' };
  return null;
}

/** The refusal in the reader's language (catalog keys `password.*`). */
export function passwordProblemText(t: Translate, problem: PasswordProblem): string {
  switch (problem) {
    case 'too_short':
      return t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
    case 'too_long':
      return t('password.tooLong', { max: MAX_PASSWORD_LENGTH });
    case 'same_as_login':
      return t('password.sameAsLogin');
    default:
      return assertNever(problem, 'password problem');
  }
}
