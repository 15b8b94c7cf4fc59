import { useT } from '../../i18n/use-translation.ts';
import { useConnectionLost } from './store.ts';

/** Says the connection is lost while it is; clears itself when the stream is back. */
export function ConnectionBanner() {
  const t = useT();
  const lost = useConnectionLost();
  if (!lost) return null;
  return (
    <div role="alert" className="banner banner--offline">
      {t('connection.lost')}
    </div>
  );
}
