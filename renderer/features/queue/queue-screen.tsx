import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { mustHandleNow, ON_CALL_VIEW, useOnCall } from '../oncall/index.ts';
import { pagedTicketIds, useOpenPages } from '../pages/index.ts';
import { defaultViewOf, QUEUE_VIEWS } from './default-view.ts';
import { queueQueries } from './queries.ts';
import { QueueGrid } from './queue-grid.tsx';
import { useChosenView, useQueueActions, useSearch } from './store.ts';

/** The queue: views, search, and the live SLA-ordered grid (the service orders by due time). */
export function QueueScreen() {
  const t = useT();
  const bridge = useBridge();
  const me = useMe();
  const view = useChosenView() ?? defaultViewOf(me);
  const search = useSearch();
  const q = useDeferredValue(search);
  const { viewChosen, searchTyped } = useQueueActions();
  // On-call mode narrows the queue to what must be handled now, from every open ticket; the views wait.
  const { narrowed } = useOnCall();
  const list = useQuery(queueQueries.list(bridge, narrowed ? ON_CALL_VIEW : view, q));
  const paged = pagedTicketIds(useOpenPages());
  const tickets = narrowed ? (list.data ?? []).filter((ticket) => mustHandleNow(ticket, paged)) : (list.data ?? []);

  return (
    <section className="queue" aria-label={t('queue.title')}>
      <div className="queue-toolbar">
        <div role="group" aria-label={t('queue.views')} className="segmented">
          {QUEUE_VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={!narrowed && v === view} disabled={narrowed} onClick={() => viewChosen(v)}>
              {t(`queue.view.${v}`)}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="queue-search"
          aria-label={t('queue.search')}
          placeholder={t('queue.search')}
          value={search}
          onChange={(e) => searchTyped(e.target.value)}
        />
        <span className="muted" aria-live="polite">{list.isSuccess ? t('queue.count', { count: tickets.length }) : t('app.loading')}</span>
        <span className="muted queue-keys">{t('queue.keys')}</span>
      </div>
      {list.isError ? (
        <p role="alert" className="error">
          {t('app.error', { message: list.error.message })}{' '}
          <button type="button" onClick={() => void list.refetch()}>{t('app.retry')}</button>
        </p>
      ) : null}
      <QueueGrid
        tickets={tickets}
        label={narrowed ? t('oncall.urgentQueue') : t('queue.title')}
        empty={list.isSuccess && tickets.length === 0 ? t(narrowed ? 'oncall.nothingUrgent' : 'queue.empty') : null}
      />
    </section>
  );
}
