import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { tierName } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { SupportClock } from '../header/support-clock.tsx';
import { authQueries, useLogin } from './queries.ts';

/** The demo accounts' shared password (issue 3). */
const DEMO_PASSWORD = 'demo';

/**
 * The sign-in page of the console (`agents`) and of the portal (`customers`): the support team's
 * clock (R9), the form, and that audience's demo accounts when the service has demo data; `children`
 * come last.
 */
export function SignInPage({ title, audience, children }: { readonly title: string; readonly audience: 'agents' | 'customers'; readonly children?: ReactNode }) {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  const info = useQuery(authQueries.appInfo(bridge));
  const login = useLogin();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const titleId = useId();
  const demo = info.data?.demoLogins.filter((d) => (d.role === 'customer') === (audience === 'customers')) ?? [];

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    login.mutate({ login: name, password });
  };

  return (
    <main className="login">
      <SupportClock />
      <form className="login-card" aria-labelledby={titleId} onSubmit={submit}>
        <h1 id={titleId}>{title}</h1>
        <label>
          {t('login.login')}
          <input name="login" autoComplete="username" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {login.isError ? <p role="alert" className="error">{login.error.message}</p> : null}
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      {demo.length > 0 ? (
        <section className="login-demo" aria-label={t('login.demoTitle')}>
          <h2>{t('login.demoTitle')}</h2>
          <ul>
            {demo.map((d) => (
              <li key={d.login}>
                {/* Named by what it shows, login first (a name that differs from the visible text fails WCAG 2.5.3). */}
                <button type="button" onClick={() => login.mutate({ login: d.login, password: DEMO_PASSWORD })}>
                  <strong>{d.login}</strong>{' '}
                  <span className="muted">
                    {d.name}
                    {audience === 'agents' ? ` · ${d.tiers.map((tier) => tierName(lang, tier)).join(', ') || t(`role.${d.role}`)}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {children}
    </main>
  );
}
