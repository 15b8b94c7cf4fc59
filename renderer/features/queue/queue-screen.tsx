import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { applyLens, hasFilters, nextSort } from '../../../shared/tickets/queue-order.ts';
import { viewerOf } from '../../../shared/tickets/live-list.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { mustHandleNow, ON_CALL_VIEW, useOnCall } from '../oncall/index.ts';
import { pagedTicketIds, useOpenPages } from '../pages/index.ts';
import { defaultViewOf, QUEUE_VIEWS } from './default-view.ts';
import { queueQueries, scopeOf } from './queries.ts';
import { useRestOfView } from './use-rest-of-view.ts';
import { ClearFilters, QueueFilterBar } from './queue-filters.tsx';
import { QueueGrid } from './queue-grid.tsx';
import { useChosenView, useQueueActions, useSearch } from './store.ts';
import { useQueueLens } from './use-queue-lens.ts';

/**
 * The queue: views, search, filters, and the live grid; in SLA order (the service orders by due
 * time) unless the agent sorts by a column. Sort and filters are remembered per agent.
 */
export function QueueScreen() {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const me = useMe();
  const view = useChosenView() ?? defaultViewOf(me);
  const search = useSearch();
  const q = useDeferredValue(search);
  const { viewChosen, searchTyped } = useQueueActions();
  // On-call mode narrows the queue to what must be handled now, from every open ticket; the views wait.
  const { narrowed } = useOnCall();
  const viewer = useMemo(() => viewerOf(me), [me]);
  const scope = scopeOf(narrowed ? ON_CALL_VIEW : view, q);
  const list = useQuery(queueQueries.list(bridge, viewer, scope));
  useRestOfView(scope, viewer, list.data);
  const pages = useOpenPages();
  const loaded = useMemo(() => {
    const all = list.data?.tickets ?? [];
    if (!narrowed) return all;
    const paged = pagedTicketIds(pages);
    return all.filter((ticket) => mustHandleNow(ticket, paged));
  }, [list.data, narrowed, pages]);
  const { lens, change } = useQueueLens(me.id);
  // On-call mode shows everything that must be handled now: filters wait, as the views do; a sort still applies.
  const filtering = !narrowed && hasFilters(lens);
  const tickets = useMemo(() => applyLens(loaded, filtering ? lens : { ...lens, filters: {} }, language), [loaded, lens, filtering, language]);
  const clear = () => change({ ...lens, filters: {} });

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
        <QueueFilterBar lens={lens} tickets={loaded} language={language} disabled={narrowed} t={t} onChange={change} />
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
        empty={list.isSuccess && tickets.length === 0 ? (
          filtering && loaded.length > 0 ? <>{t('queue.filter.noMatch')} <ClearFilters t={t} onClear={clear} /></> : t(narrowed ? 'oncall.nothingUrgent' : 'queue.empty')
        ) : null}
        sort={lens.sort}
        onSort={(column) => change(nextSort(lens, column))}
      />
    </section>
  );
}
