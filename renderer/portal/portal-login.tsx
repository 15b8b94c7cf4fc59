import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useBridge } from '../bridge/bridge-context.tsx';
import { authQueries, useLogin } from '../features/auth/queries.ts';
import { SupportClock } from '../features/header/support-clock.tsx';
import { useT } from '../i18n/use-translation.ts';

/** The demo accounts' shared password. */
const DEMO_PASSWORD = 'demo';

/** The portal's sign-in, under the support clock; lists the demo customers when the service has demo data. */
export function PortalLogin() {
  const t = useT();
  const bridge = useBridge();
  const info = useQuery(authQueries.appInfo(bridge));
  const login = useLogin();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const titleId = useId();
  const demo = info.data?.demoLogins.filter((d) => d.role === 'customer') ?? [];

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    login.mutate({ login: name, password });
  };

  return (
    <main className="login">
      {/* The support team's clock is on every page, this one too (R9). */}
      <SupportClock />
      <form className="login-card" aria-labelledby={titleId} onSubmit={submit}>
        <h1 id={titleId}>{t('portal.login.title')}</h1>
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
                {/* Named by what it shows (login and name), as a button's name should begin with its visible text. */}
                <button type="button" onClick={() => login.mutate({ login: d.login, password: DEMO_PASSWORD })}>
                  <strong>{d.login}</strong> <span className="muted">{d.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
