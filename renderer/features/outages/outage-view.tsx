import { useQuery } from '@tanstack/react-query';
import { groupNames } from '../../../shared/i18n/index.ts';
import type { OutageDetail } from '../../../shared/model/index.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow } from '../../time/server-clock.ts';
import { When } from '../oncall/index.ts';
import { OutageCompensations } from './outage-compensations.tsx';
import { ExcludeForm } from './exclude-form.tsx';
import { OutageTickets } from './outage-tickets.tsx';
import { OutageTimeline } from './outage-timeline.tsx';
import { outageQueries } from './queries.ts';
import { ReplyToAll } from './reply-to-all.tsx';
import { RestoreForm } from './restore-form.tsx';
import { restorationOf } from './restoration.ts';
import { useOpenOutageId, useOutageActions } from './store.ts';

/** The open outage's view: what is down since when, its tickets, restore / exclude, compensation, the timeline. */
export function OutageView() {
  const t = useT();
  const id = useOpenOutageId();
  const { outageClosed } = useOutageActions();
  const detail = useQuery({ ...outageQueries.detail(useBridge(), id ?? 0), enabled: id !== null });
  if (id === null) return null;
  return (
    <Dialog title={t('outage.title', { id })} onClose={outageClosed} closeLabel={t('app.close')}>
      <div className="outage-view">
        {detail.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        {detail.isError ? <p role="alert" className="error">{t('app.error', { message: detail.error.message })}</p> : null}
        {detail.data !== undefined ? <Loaded detail={detail.data} /> : null}
      </div>
    </Dialog>
  );
}

function Loaded({ detail }: { readonly detail: OutageDetail }) {
  const { outage } = detail;
  const open = outage.state === 'open';
  return (
    <>
      <Facts detail={detail} />
      <OutageTickets detail={detail} />
      {open ? <RestoreForm outage={outage} /> : <ReplyToAll detail={detail} />}
      {outage.excluded ? null : <ExcludeForm outage={outage} />}
      <OutageCompensations detail={detail} />
      <OutageTimeline timeline={detail.timeline} />
    </>
  );
}

/** Summary, groups, the start (R19), who declared it, the deadline or the restoration, exclusion (R27). */
function Facts({ detail }: { readonly detail: OutageDetail }) {
  const t = useT();
  const lang = useLanguage();
  const now = useServerNow();
  const { outage } = detail;
  const r = restorationOf(outage, now, lang);
  return (
    <section aria-label={t('outage.facts')}>
      <p className="outage-summary">{outage.summary}</p>
      <dl className="outage-facts">
        <dt>{t('outage.stateLabel')}</dt>
        <dd>
          {t(`outage.state.${outage.state}`)}{' '}
          {outage.excluded ? <span className="badge badge--excluded">{t('outage.excludedMark')}</span> : null}
        </dd>
        <dt>{t('outage.groups')}</dt>
        <dd>{groupNames(lang, outage.groups)}</dd>
        <dt>{t('outage.started')}</dt>
        <dd>
          <When at={outage.startedAt} />
        </dd>
        <dt>{t('outage.declared')}</dt>
        <dd>
          {t('outage.declaredBy', { name: outage.declaredBy.name, number: outage.declaredFrom })} <When at={outage.declaredAt} />
        </dd>
        {outage.restoredAt === null ? (
          <>
            <dt>{t('outage.restoreBy')}</dt>
            <dd>
              <When at={outage.restoreBy} />{' '}
              <span role="timer" aria-label={r.label} title={r.label} className={`countdown countdown--${r.tone}`}>{r.text}</span>
            </dd>
          </>
        ) : (
          <>
            <dt>{t('outage.restored')}</dt>
            <dd>
              <When at={outage.restoredAt} />
            </dd>
          </>
        )}
        <dt>{t('outage.downtime')}</dt>
        <dd>{r.downtime}</dd>
        {outage.excluded ? (
          <>
            <dt>{t('outage.exclusionReason')}</dt>
            <dd>{outage.exclusionReason ?? ''}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
