import type { OutageSummary } from '../../../shared/model/index.ts';
import { groupNames } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow } from '../../time/server-clock.ts';
import { useOpenOutages } from './queries.ts';
import { restorationOf } from './restoration.ts';
import { useOutageActions } from './store.ts';

/** Above the queue while any outage is open: per outage its groups, tickets, downtime and the countdown to restoreBy (R18). */
export function OutageBar() {
  const t = useT();
  const outages = useOpenOutages();
  if (outages.length === 0) return null;
  return (
    <section className="outage-bar" aria-label={t('outage.bar')}>
      <ul>
        {outages.map((o) => (
          <OutageBarItem key={o.id} outage={o} />
        ))}
      </ul>
    </section>
  );
}

/** One open outage; only this re-renders on the 1-second tick. A click anywhere on it opens the outage. */
function OutageBarItem({ outage }: { readonly outage: OutageSummary }) {
  const t = useT();
  const lang = useLanguage();
  const now = useServerNow();
  const { outageOpened } = useOutageActions();
  const r = restorationOf(outage, now, lang);
  const groups = groupNames(lang, outage.groups);
  return (
    <li className={`outage-bar-item outage-bar-item--${r.tone}`} onClick={() => outageOpened(outage.id)}>
      {/* The click bubbles to the item: one way in for the mouse anywhere on it, the button for the keyboard. */}
      <button type="button" className="outage-bar-open">
        {t('outage.title', { id: outage.id })}: {groups}
      </button>
      <span>{t('outage.tickets', { count: outage.ticketCount })}</span>
      <span>{r.downtime}</span>
      <span role="timer" aria-label={r.label} title={r.label} className={`countdown countdown--${r.tone}`}>
        {r.text}
      </span>
      {outage.excluded ? <span className="badge badge--excluded">{t('outage.excludedMark')}</span> : null}
      <span className="outage-bar-summary muted" title={outage.summary}>{outage.summary}</span>
    </li>
  );
}
