import { useQuery } from '@tanstack/react-query';
import { Info } from 'luxon';
import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/auth/password-rules.ts';
import { ApiError } from '../../../shared/client/api-error.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../shared/sla/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { setupQueries, useCompleteSetup } from './queries.ts';
import { checkDraft, FIELD_LABELS, initialDraft, refusalProblem, toRequest, type SetupDraft, type SetupField, type SetupProblem } from './setup-form.ts';
import { WorkspaceSwitch } from './workspace-switch.tsx';

/**
 * The first start, instead of the login while the service has no accounts: the setup code, the
 * organisation, the support calendar (prefilled with the SLA's) and the first admin. On success
 * the console is signed in as that admin.
 */
export function SetupScreen() {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  const status = useQuery(setupQueries.status(bridge));
  const known = status.data?.code ?? null;
  const complete = useCompleteSetup();
  const [draft, setDraft] = useState<SetupDraft>(() => initialDraft(known));
  const [problem, setProblem] = useState<SetupProblem | null>(null);
  const titleId = useId();
  const formId = useId();
  const set = <K extends SetupField>(field: K) => (value: SetupDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const local = checkDraft(t, draft);
    setProblem(local);
    if (local !== null) return;
    complete.mutate(toRequest(draft, lang), {
      onError: (error) => setProblem(error instanceof ApiError ? refusalProblem(t, error) : { field: null, text: error.message }),
    });
  };

  const invalid = (name: SetupField) => problem?.field === name;
  /** A labelled text input bound to the draft; a hint is described by, not part of, its name. */
  const field = (name: Exclude<SetupField, 'workdays'>, props: InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div className="setup-field">
      <label>
        {t(FIELD_LABELS[name])}
        <input
          name={name}
          required
          aria-invalid={invalid(name)}
          aria-describedby={hint === undefined ? undefined : `${formId}-${name}-hint`}
          value={draft[name]}
          onChange={(e) => set(name)(e.target.value)}
          {...props}
        />
      </label>
      {hint === undefined ? null : <small id={`${formId}-${name}-hint`} className="muted">{hint}</small>}
    </div>
  );
  const weekdays = Info.weekdays('short', { locale: lang });

  return (
    <main className="login">
      <form className="login-card setup-card" aria-labelledby={titleId} onSubmit={submit} noValidate>
        <h1 id={titleId}>{t('setup.title')}</h1>
        <p className="muted">{t(known !== null ? 'setup.introDesktop' : 'setup.intro')}</p>
        {field('code', { autoComplete: 'off', spellCheck: false, readOnly: known !== null }, t(known !== null ? 'setup.codeHintDesktop' : 'setup.codeHint'))}
        {field('organization')}
        <fieldset>
          <legend>{t('setup.calendar')}</legend>
          {field('zone')}
          <div className="setup-hours">
            {field('open', { type: 'time' })}
            {field('close', { type: 'time' })}
          </div>
          <fieldset className="setup-workdays" aria-invalid={invalid('workdays')}>
            <legend>{t('setup.workdays')}</legend>
            {weekdays.map((label, i) => {
              const day = i + 1;
              const on = draft.workdays.includes(day);
              return (
                <label key={day}>
                  <input type="checkbox" checked={on} onChange={() => set('workdays')(on ? draft.workdays.filter((w) => w !== day) : [...draft.workdays, day])} /> {label}
                </label>
              );
            })}
          </fieldset>
          <p className="muted">{t('setup.holidays', { count: DEFAULT_CALENDAR_CONFIG.holidays.length })}</p>
        </fieldset>
        <fieldset>
          <legend>{t('setup.admin')}</legend>
          {field('login', { autoComplete: 'username', spellCheck: false })}
          {field('name', { autoComplete: 'name' })}
          {field('password', { type: 'password', autoComplete: 'new-password' }, t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH }))}
          {field('repeat', { type: 'password', autoComplete: 'new-password' })}
        </fieldset>
        {problem !== null ? <p role="alert" className="error">{problem.text}</p> : null}
        <button type="submit" className="primary" disabled={complete.isPending}>
          {complete.isPending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
      <WorkspaceSwitch />
    </main>
  );
}
