import { describe, expect, it } from 'vitest';
import { checkDraft, initialDraft, refusalProblem, toRequest } from '../../../../../renderer/features/setup/setup-form.ts';
import { ApiError } from '../../../../../shared/client/api-error.ts';
import { translator } from '../../../../../shared/i18n/index.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../../../shared/sla/index.ts';

const t = translator('en');
const good = { ...initialDraft('7K2M-QX4D-09HB-TW1R'), organization: 'Acme', login: 'olena', name: 'Olena', password: 'long enough secret', repeat: 'long enough secret' };

describe('the setup form', () => {
  it('opens with the SLA calendar and the code the host knows', () => {
    expect(initialDraft(null)).toMatchObject({ code: '', zone: DEFAULT_CALENDAR_CONFIG.zone, open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5] });
    expect(initialDraft('X').code).toBe('X');
  });

  it('refuses before asking: no working day, the password rule, a different repetition', () => {
    expect(checkDraft(t, good)).toBeNull();
    expect(checkDraft(t, { ...good, workdays: [] })).toEqual({ field: 'workdays', text: 'Choose at least one working day.' });
    expect(checkDraft(t, { ...good, password: 'Olena', repeat: 'Olena' })).toEqual({ field: 'password', text: 'The password must be at least 10 characters.' });
    expect(checkDraft(t, { ...good, login: 'olena.admin', password: 'OLENA.ADMIN', repeat: 'OLENA.ADMIN' })?.text).toBe('The password must not be the login.');
    expect(checkDraft(t, { ...good, repeat: 'long enough secreT' })).toEqual({ field: 'repeat', text: 'The two passwords differ.' });
  });

  it('asks with the calendar as shown, working days in order, in the console\'s language', () => {
    const r = toRequest({ ...good, workdays: [6, 1, 3] }, 'uk');
    expect(r.admin.language).toBe('uk');
    expect(r.calendar).toEqual({ ...DEFAULT_CALENDAR_CONFIG, workdays: [1, 3, 6] });
  });

  it('words the service\'s refusals, naming the field as the form does (from HTTP or from IPC)', () => {
    expect(refusalProblem(t, new ApiError(403, 'forbidden', 'wrong setup code'))).toEqual({ field: 'code', text: expect.stringMatching(/^The service does not accept this setup code/) });
    expect(refusalProblem(t, new ApiError(409, 'conflict', 'set up'))).toEqual({ field: null, text: 'DutyDesk is set up already: sign in instead.' });
    expect(refusalProblem(t, new ApiError(429, 'too_many_requests', 'x')).text).toBe('Too many wrong setup codes: wait a minute and try again.');
    expect(refusalProblem(t, new ApiError(400, 'bad_request', 'body.admin.login: must be 2 to 100 lower-case letters', 'body.admin.login'))).toEqual({ field: 'login', text: 'Login: must be 2 to 100 lower-case letters' });
    expect(refusalProblem(t, new ApiError(400, 'bad_request', 'calendar.zone: is not an IANA time zone', 'calendar.zone'))).toEqual({ field: 'zone', text: 'Time zone of support: is not an IANA time zone' });
    expect(refusalProblem(t, new ApiError(503, 'unavailable', 'the database is unavailable'))).toEqual({ field: null, text: 'the database is unavailable' });
  });
});
