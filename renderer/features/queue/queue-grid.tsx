import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Translate } from '../../../shared/i18n/index.ts';
import type { TicketSummary } from '../../../shared/model/index.ts';
import type { QueueColumn, QueueLens } from '../../../shared/tickets/queue-order.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useMe } from '../auth/queries.ts';
import { useOnCall } from '../oncall/index.ts';
import { whyNotActionable, type NotActionable } from '../ticket/permissions.ts';
import { useTicketActions } from '../ticket/store.ts';
import { gridTemplate, QUEUE_COLUMNS as COLUMNS, rowWidth } from './columns.ts';
import { ColumnResizer } from './column-resizer.tsx';
import { useCursorId, useQueueActions } from './store.ts';
import { QueueRow } from './queue-row.tsx';
import { useColumnWidths } from './use-column-widths.ts';

const ROW_HEIGHT = 32;

/** Why a row is out of the agent's reach, in words. */
function reasonText(t: Translate, why: NotActionable): string {
  switch (why.reason) {
    case 'tier':
      return t('queue.notActionable.tier', { tier: t(`tier.${why.tier}`) });
    case 'closed':
      return t('queue.notActionable.closed');
    case 'other':
      return t('queue.notActionable.other');
  }
}

/** The header's `aria-sort`: only the sorted column has one (the SLA order sorts by no single column). */
function ariaSort(sort: QueueLens['sort'], column: QueueColumn): 'ascending' | 'descending' | undefined {
  if (sort?.column !== column) return undefined;
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

/** Whether a key press belongs to a text field or an open dialog, not to the queue's shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (document.querySelector('[role="dialog"][aria-modal="true"]') !== null) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The queue as an ARIA grid, virtualized so 10,000 rows stay smooth. j/k (or arrows) move the
 * cursor anywhere outside text fields; Enter opens the ticket under it. Rows the agent cannot act
 * on are muted and say why; `empty` is said in a row below the column headers. Columns resize by
 * their header's edge (drag, or arrow keys on it); the widths reach the CSS as custom properties.
 * Each header is a sort button (`onSort`); the sorted column's header carries `aria-sort` and an arrow.
 */
export function QueueGrid({ tickets, label, empty, sort, onSort }: {
  readonly tickets: readonly TicketSummary[];
  readonly label: string;
  readonly empty: ReactNode | null;
  readonly sort: QueueLens['sort'];
  readonly onSort: (column: QueueColumn) => void;
}) {
  const t = useT();
  const me = useMe();
  const { meOnCallNow } = useOnCall();
  const { widths, resize, save } = useColumnWidths(me.id);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Set through the DOM: the CSP forbids style attributes in markup.
  useLayoutEffect(() => {
    scrollRef.current?.style.setProperty('--queue-columns', gridTemplate(widths));
    scrollRef.current?.style.setProperty('--queue-row-width', `${rowWidth(widths)}px`);
  }, [widths]);
  const cursorId = useCursorId();
  const { cursorMoved } = useQueueActions();
  const { ticketOpened } = useTicketActions();
  const virtualizer = useVirtualizer({ count: tickets.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const cursorIndex = cursorId === null ? -1 : tickets.findIndex((x) => x.id === cursorId);
  // Each row's reason, worked out once per row object (a changed ticket is a new object): the grid
  // re-renders on every scrolled frame and the rules check every action.
  const reasons = useMemo(() => new WeakMap<TicketSummary, string | null>(), [me, meOnCallNow, t]);
  const reasonOf = (ticket: TicketSummary): string | null => {
    let reason = reasons.get(ticket);
    if (reason === undefined) {
      const why = whyNotActionable(me, ticket, meOnCallNow);
      reason = why === null ? null : reasonText(t, why);
      reasons.set(ticket, reason);
    }
    return reason;
  };

  const move = (delta: number): void => {
    if (tickets.length === 0) return;
    const next = Math.max(0, Math.min(tickets.length - 1, cursorIndex < 0 ? 0 : cursorIndex + delta));
    const ticket = tickets[next];
    if (ticket === undefined) return;
    cursorMoved(ticket.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  // Stable, so memoized rows do not re-render when the cursor moves elsewhere.
  const open = useCallback((id: number): void => {
    cursorMoved(id);
    ticketOpened(id);
  }, [cursorMoved, ticketOpened]);

  // j/k work wherever the agent is not typing; Enter only on the grid itself or the page.
  const keys = useRef({ move, open, cursorId });
  keys.current = { move, open, cursorId };
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        keys.current.move(e.key === 'j' ? 1 : -1);
      } else if (e.key === 'Enter' && (e.target === document.body || e.target === scrollRef.current) && keys.current.cursorId !== null) {
        e.preventDefault();
        keys.current.open(keys.current.cursorId);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={label}
      aria-rowcount={tickets.length + 1 + (empty === null ? 0 : 1)}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={cursorIndex >= 0 ? `queue-row-${cursorId}` : undefined}
      tabIndex={0}
      className="queue-grid"
      onKeyDown={onGridKey}
    >
      <div role="rowgroup" className="queue-head">
        <div role="row" aria-rowindex={1} className="queue-row queue-row--head">
          {COLUMNS.map((c) => (
            <div key={c} role="columnheader" aria-sort={ariaSort(sort, c)} className={`cell cell--${c}`}>
              <button type="button" className="column-sort" title={t('queue.sortHint')} onClick={() => onSort(c)}>
                <span className="column-title">{t(`queue.col.${c}`)}</span>
                <span aria-hidden="true" className="sort-arrow">{sort?.column === c ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
              </button>
              <ColumnResizer column={c} label={t('queue.resizeColumn', { column: t(`queue.col.${c}`) })} width={widths[c]} onResize={resize} onDone={save} />
            </div>
          ))}
        </div>
      </div>
      {empty === null ? null : (
        <div role="rowgroup">
          <div role="row" aria-rowindex={2} className="queue-row queue-row--empty">
            <div role="gridcell" aria-colspan={COLUMNS.length} className="queue-empty">{empty}</div>
          </div>
        </div>
      )}
      <div role="rowgroup" className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const ticket = tickets[item.index];
          if (ticket === undefined) return null;
          return (
            <QueueRow
              key={ticket.id}
              ticket={ticket}
              rowIndex={item.index + 2}
              selected={ticket.id === cursorId}
              notActionable={reasonOf(ticket)}
              top={item.start}
              height={ROW_HEIGHT}
              t={t}
              onOpen={open}
            />
          );
        })}
      </div>
    </div>
  );
}
