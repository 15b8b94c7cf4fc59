import { useId, useState, type FormEvent } from 'react';
import { checkNewPassword, MIN_PASSWORD_LENGTH, passwordProblemText } from '../../../shared/auth/password-rules.ts';
import { ApiError } from '../../../shared/client/api-error.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useChangePassword } from './queries.ts';

/**
 * Current password, new one twice. The rule of new passwords (shared/auth/password-rules.ts, the
 * service's own) is a live hint; the service has the last word and its refusal is shown.
 */
export function ChangePasswordForm({ login, currentLabel, onChanged }: {
  readonly login: string;
  /** "Current password", or "Temporary password" at the first sign-in. */
  readonly currentLabel: string;
  readonly onChanged?: (otherSessionsEnded: number) => void;
}) {
  const t = useT();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const hintId = useId();
  const problem = next === '' ? null : checkNewPassword(login, next);
  const hint = next === '' ? t('account.rule', { min: MIN_PASSWORD_LENGTH }) : problem === null ? t('account.ruleMet') : passwordProblemText(t, problem.problem);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setDone(null);
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate({ current, next }, {
      onSuccess: (r) => {
        setCurrent('');
        setNext('');
        setRepeat('');
        setDone(r.otherSessionsEnded);
        onChanged?.(r.otherSessionsEnded);
      },
    });
  };

  return (
    <form className="password-form" aria-label={t('account.changePassword')} onSubmit={submit}>
      <label className="field">
        {currentLabel}
        <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="field">
        {t('account.newPassword')}
        <input type="password" autoComplete="new-password" required aria-describedby={hintId} value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <p id={hintId} className={problem === null ? 'muted' : 'hint-problem'}>{hint}</p>
      <label className="field">
        {t('account.repeatPassword')}
        <input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </label>
      {mismatch ? <p role="alert" className="error">{t('account.mismatch')}</p> : null}
      {change.isError ? <p role="alert" className="error">{refusal(t, change.error, login, next)}</p> : null}
      {done !== null ? <p role="status">{done === 0 ? t('account.changed') : `${t('account.changed')} ${t('account.othersSignedOut', { count: done })}`}</p> : null}
      <button type="submit" className="primary" disabled={change.isPending}>{t('account.changePassword')}</button>
    </form>
  );
}

/**
 * A wrong current password, or a new one against the rule, in the reader's words; any other
 * refusal as the service words it (it names the field).
 */
function refusal(t: ReturnType<typeof useT>, error: Error, login: string, next: string): string {
  if (error instanceof ApiError && error.field === 'current') return t('account.wrongCurrent');
  const problem = error instanceof ApiError && error.field === 'next' ? checkNewPassword(login, next) : null;
  return problem === null ? error.message : passwordProblemText(t, problem.problem);
}
