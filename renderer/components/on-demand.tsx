import { Suspense, type ReactNode } from 'react';
import { useT } from '../i18n/use-translation.ts';

/**
 * A screen whose code loads when it first opens (React.lazy): until it arrives, a polite
 * "Loading…" that screen readers announce. Each on-demand screen has its own boundary, so one
 * loading never hides another that is already open.
 */
export function OnDemand({ children }: { readonly children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Loading() {
  const t = useT();
  return (
    <p role="status" className="splash">
      {t('app.loading')}
    </p>
  );
}
