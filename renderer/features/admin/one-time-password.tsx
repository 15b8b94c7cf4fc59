import { useState } from 'react';
import { useT } from '../../i18n/use-translation.ts';

/** A temporary password as the service answered it once: whose, the password, a copy button and what to do with it. */
export interface IssuedPassword {
  readonly name: string;
  readonly login: string;
  readonly password: string;
}

/**
 * Shows a temporary password the one time the service gives it: the console keeps it nowhere else,
 * so closing this forgets it (a reset makes a new one).
 */
export function OneTimePassword({ issued, onDone }: { readonly issued: IssuedPassword; readonly onDone: () => void }) {
  const t = useT();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyIt = (): void => {
    // The Clipboard API may be missing or refused (no secure context): then say how to copy by hand.
    const writing = navigator.clipboard?.writeText(issued.password) ?? Promise.reject(new Error('no clipboard'));
    writing.then(() => setCopy('copied'), () => setCopy('failed'));
  };
  return (
    <section className="one-time-password" aria-label={t('admin.password.title', { name: issued.name })}>
      <h3>{t('admin.password.title', { name: issued.name })}</h3>
      <p>
        {t('admin.password.login')} <code>{issued.login}</code>
      </p>
      <p>
        <label>
          {t('admin.password.password')} <input readOnly className="password-once" value={issued.password} onFocus={(e) => e.target.select()} />
        </label>{' '}
        <button type="button" onClick={copyIt}>{t('admin.password.copy')}</button>
      </p>
      <p role="status">{copy === 'copied' ? t('admin.password.copied') : copy === 'failed' ? t('admin.password.copyFailed') : ''}</p>
      <p className="notice">{t('admin.password.giveIt')}</p>
      <button type="button" className="primary" onClick={onDone}>{t('admin.password.done')}</button>
    </section>
  );
}
