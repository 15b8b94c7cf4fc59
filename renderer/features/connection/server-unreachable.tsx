import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-translation.ts';
import { retryDelayMs } from './reachability.ts';

/**
 * The service cannot be reached (not "signed out"): says where it is looking and when it tries
 * again, retries by itself with backoff, and offers to try now. `retrying` is true while an attempt runs.
 */
export function ServerUnreachable({ url, retrying, onRetry }: { readonly url: string; readonly retrying: boolean; readonly onRetry: () => void }) {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (retrying) return;
    const delay = retryDelayMs(attempt);
    const start = Date.now();
    setNow(start);
    setRetryAt(start + delay);
    const timer = setTimeout(() => {
      setAttempt((a) => a + 1);
      onRetry();
    }, delay);
    return () => clearTimeout(timer);
  }, [attempt, retrying, onRetry]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const seconds = retryAt === null ? 0 : Math.max(1, Math.ceil((retryAt - now) / 1000));
  return (
    <main className="login">
      <p role="alert" className="error">
        {retrying || retryAt === null ? t('server.retryingNow', { url }) : t('server.unreachable', { url, seconds })}
      </p>
      <button type="button" className="primary" disabled={retrying} onClick={onRetry}>{t('server.retry')}</button>
    </main>
  );
}
