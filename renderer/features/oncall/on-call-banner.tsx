import { useT } from '../../i18n/use-translation.ts';
import { useAgentName } from './agent-names.ts';
import { useOnCallActions } from './store.ts';
import { useOnCall } from './use-on-call.ts';
import { When } from './when.tsx';

/** On-call mode's banner: who is on call now and until when, and the switch between the narrowed and the full queue. */
export function OnCallBanner() {
  const state = useOnCall();
  const t = useT();
  const name = useAgentName();
  const { fullQueueChosen, narrowQueueChosen } = useOnCallActions();
  if (!state.active || state.period === null) return null;
  const period = state.period;
  const roster = state.roster;
  return (
    <section className="oncall-banner" aria-label={t('oncall.banner')}>
      <strong>{t('oncall.mode')}</strong>{' '}
      {roster === undefined ? (
        <span>{t('app.loading')}</span>
      ) : (
        <span>
          {t('oncall.now', { primary: name(roster.primary), secondary: name(roster.secondary) })}
          {roster.until !== null ? (
            <>
              {' '}
              {t('oncall.until')} <When at={roster.until} />
            </>
          ) : null}
        </span>
      )}{' '}
      {state.narrowed ? (
        <button type="button" onClick={() => fullQueueChosen(period)}>{t('oncall.showAll')}</button>
      ) : (
        <button type="button" onClick={narrowQueueChosen}>{t('oncall.showUrgent')}</button>
      )}
    </section>
  );
}
