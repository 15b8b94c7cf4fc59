/**
 * The setup screen's form as data: the draft prefilled with the SLA's calendar, the checks the
 * console makes before asking (the same password rule as the service), the request, and the
 * service's refusal in the reader's words.
 */
import { checkNewPassword, passwordProblemText } from '../../../shared/auth/password-rules.ts';
import type { SetupRequest } from '../../../shared/client/api-client.ts';
import type { ApiError } from '../../../shared/client/api-error.ts';
import type { Translate } from '../../../shared/i18n/index.ts';
import type { Language } from '../../../shared/model/index.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../shared/sla/index.ts';

/** What the person types. */
export interface SetupDraft {
  readonly code: string;
  readonly organization: string;
  readonly zone: string;
  readonly open: string;
  readonly close: string;
  /** ISO weekdays, 1 = Monday. */
  readonly workdays: readonly number[];
  readonly login: string;
  readonly name: string;
  readonly password: string;
  readonly repeat: string;
}

/** A field of the draft. */
export type SetupField = keyof SetupDraft;

/** A problem to show, next to the field it is about when there is one. */
export interface SetupProblem {
  readonly field: SetupField | null;
  readonly text: string;
}

/** The draft on opening: the code when the host knows it, the SLA's zone, hours and working days. */
export function initialDraft(code: string | null): SetupDraft {
  const { zone, open, close, workdays } = DEFAULT_CALENDAR_CONFIG;
  return { code: code ?? '', organization: '', zone, open, close, workdays: [...workdays], login: '', name: '', password: '', repeat: '' };
}

/** What the console refuses before asking the service: the password rule, the repetition, no working day. */
export function checkDraft(t: Translate, d: SetupDraft): SetupProblem | null {
  if (d.workdays.length === 0) return { field: 'workdays', text: t('setup.noWorkdays') };
  const refusal = checkNewPassword(d.login, d.password);
  if (refusal !== null) return { field: 'password', text: passwordProblemText(t, refusal.problem) };
  if (d.password !== d.repeat) return { field: 'repeat', text: t('setup.mismatch') };
  return null;
}

/** The request: the calendar as shown (no holidays by default; admins add them, or the suggested ones, in the Support calendar). */
export function toRequest(d: SetupDraft, language: Language): SetupRequest {
  return {
    code: d.code,
    organization: d.organization,
    admin: { login: d.login, name: d.name, password: d.password, language },
    calendar: { ...DEFAULT_CALENDAR_CONFIG, holidays: [...DEFAULT_CALENDAR_CONFIG.holidays], extraWorkdays: [...DEFAULT_CALENDAR_CONFIG.extraWorkdays], zone: d.zone, open: d.open, close: d.close, workdays: [...d.workdays].sort((a, b) => a - b) },
  };
}

/** The request's fields as the form names them (the service says `body.admin.login`, IPC `admin.login`). */
const FIELDS: Readonly<Record<string, SetupField>> = {
  code: 'code',
  organization: 'organization',
  'admin.login': 'login',
  'admin.name': 'name',
  'admin.password': 'password',
  'calendar.zone': 'zone',
  'calendar.open': 'open',
  'calendar.close': 'close',
  'calendar.workdays': 'workdays',
};

/** The label key of each field. */
export const FIELD_LABELS = {
  code: 'setup.code',
  organization: 'setup.organization',
  zone: 'setup.zone',
  open: 'setup.open',
  close: 'setup.close',
  workdays: 'setup.workdays',
  login: 'setup.login',
  name: 'setup.name',
  password: 'setup.password',
  repeat: 'setup.repeat',
} as const satisfies Record<SetupField, string>;

/** The service's refusal in words: a wrong or void code, set up already, too many guesses, or bad input naming the field. */
export function refusalProblem(t: Translate, error: ApiError): SetupProblem {
  if (error.status === 403) return { field: 'code', text: t('setup.wrongCode') };
  if (error.status === 409) return { field: null, text: t('setup.already') };
  if (error.status === 429) return { field: 'code', text: t('setup.tooMany') };
  if (error.status === 400 && error.field !== undefined) {
    const field = FIELDS[error.field.replace(/^body\./, '')] ?? null;
    // "body.admin.login: must be ..." -> the reason after the field.
    const reason = error.message.includes(': ') ? error.message.slice(error.message.indexOf(': ') + 2) : error.message;
    return field === null ? { field: null, text: error.message } : { field, text: t('setup.invalid', { field: t(FIELD_LABELS[field]), reason }) };
  }
  return { field: null, text: error.message };
}
