import { useId, useMemo } from 'react';
import type { Translate } from '../../../shared/i18n/index.ts';
import { LANGUAGES, TICKET_STATUSES, type Language, type TicketSummary } from '../../../shared/model/index.ts';
import { TICKET_KINDS } from '../../../shared/sla/index.ts';
import { collatorFor, hasFilters, withFilter, type QueueFilter, type QueueFilters, type QueueLens } from '../../../shared/tickets/queue-order.ts';

interface Option {
  readonly value: string;
  readonly label: string;
}

/** The distinct people (clients, assignees) of the loaded tickets, by name in the agent's language. */
function peopleOf(tickets: readonly TicketSummary[], pick: (t: TicketSummary) => { readonly id: number; readonly name: string } | null, language: Language): readonly Option[] {
  const byId = new Map<number, string>();
  for (const ticket of tickets) {
    const person = pick(ticket);
    if (person !== null) byId.set(person.id, person.name);
  }
  const collator = collatorFor(language);
  return [...byId].sort((a, b) => collator.compare(a[1], b[1])).map(([id, name]) => ({ value: String(id), label: name }));
}

/** A chosen client or assignee no longer in the loaded view stays choosable (and visibly chosen). */
function withChosen(options: readonly Option[], chosen: number | 'none' | undefined, t: Translate): readonly Option[] {
  if (typeof chosen !== 'number' || options.some((o) => o.value === String(chosen))) return options;
  return [...options, { value: String(chosen), label: t('queue.filter.notInView', { id: String(chosen) }) }];
}

/**
 * The queue's filter bar: one labelled select per filter (kind, client, language, assignee,
 * status), each with "Any"; clients and assignees are those of the loaded view. "Clear filters"
 * shows while any is set. Disabled (and not applied) in on-call mode, as the views are.
 */
export function QueueFilterBar(props: {
  readonly lens: QueueLens;
  readonly tickets: readonly TicketSummary[];
  readonly language: Language;
  readonly disabled: boolean;
  readonly t: Translate;
  readonly onChange: (lens: QueueLens) => void;
}) {
  const { lens, tickets, language, t } = props;
  const f = lens.filters;
  const id = useId();
  const clients = useMemo(() => peopleOf(tickets, (x) => x.client, language), [tickets, language]);
  const assignees = useMemo(() => peopleOf(tickets, (x) => x.assignee, language), [tickets, language]);

  const set = <F extends QueueFilter>(name: F, value: QueueFilters[F] | undefined): void => props.onChange(withFilter(lens, name, value));
  const idOf = (value: string): number | undefined => (value === '' ? undefined : Number(value));

  const select = (name: QueueFilter, value: string | number | undefined, options: readonly Option[], onPick: (value: string) => void) => (
    <span className="queue-filter">
      <label htmlFor={`${id}-${name}`}>{t(`queue.filter.${name}`)}</label>
      <select id={`${id}-${name}`} value={value === undefined ? '' : String(value)} disabled={props.disabled} onChange={(e) => onPick(e.target.value)}>
        <option value="">{t('queue.filter.any')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </span>
  );

  return (
    <div role="group" aria-label={t('queue.filters')} className="queue-filters">
      {select('kind', f.kind, TICKET_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })), (v) => set('kind', TICKET_KINDS.find((k) => k === v)))}
      {select('clientId', f.clientId, withChosen(clients, f.clientId, t), (v) => set('clientId', idOf(v)))}
      {select('language', f.language, LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) })), (v) => set('language', LANGUAGES.find((l) => l === v)))}
      {select(
        'assigneeId',
        f.assigneeId,
        [{ value: 'none', label: t('queue.unassigned') }, ...withChosen(assignees, f.assigneeId, t)],
        (v) => set('assigneeId', v === 'none' ? 'none' : idOf(v)),
      )}
      {select('status', f.status, TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), (v) => set('status', TICKET_STATUSES.find((s) => s === v)))}
      {hasFilters(lens) && !props.disabled ? <ClearFilters t={t} onClear={() => props.onChange({ ...lens, filters: {} })} /> : null}
    </div>
  );
}

/** The "Clear filters" button (in the filter bar, and in the empty row when filters hide everything). */
export function ClearFilters({ t, onClear }: { readonly t: Translate; readonly onClear: () => void }) {
  return <button type="button" onClick={onClear}>{t('queue.filter.clear')}</button>;
}
