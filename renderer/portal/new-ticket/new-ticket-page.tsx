import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { LANGUAGES, type Language } from '../../../shared/model/index.ts';
import type { TicketKind } from '../../../shared/sla/index.ts';
import { similarTickets } from '../../../shared/tickets/similar.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { queueQueries } from '../../features/queue/queries.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useCustomer } from '../customer.ts';
import { useFocusOnArrival } from '../focus-on-arrival.ts';
import { navigate, routeHash } from '../route.ts';
import { KindChoice } from './kind-choice.tsx';
import { useCreateTicket } from './queries.ts';
import { SimilarHint } from './similar-hint.tsx';
import { useDebounced } from './use-debounced.ts';

/** How long typing must pause before similar tickets are looked for. */
const SIMILAR_DEBOUNCE_MS = 400;
/** At most this many similar tickets are offered. */
const SIMILAR_LIMIT = 3;

/** The portal's new ticket (R3, R15): the kind with its promise, subject, text, language; similar open tickets first. */
export function NewTicketPage() {
  const t = useT();
  const customer = useCustomer();
  const bridge = useBridge();
  const titleId = useId();
  const [kind, setKind] = useState<TicketKind>('problem');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState<Language>(customer.language);
  const create = useCreateTicket();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(heading);

  // The client's open tickets (customers only ever see their own client's), compared once typing pauses.
  const draft = useDebounced(useMemo(() => ({ subject, body }), [subject, body]), SIMILAR_DEBOUNCE_MS);
  const typed = draft.subject.trim() !== '' || draft.body.trim() !== '';
  const open = useQuery({ ...queueQueries.similar(bridge, null, 1_000), enabled: typed });
  const similar = useMemo(() => (typed && open.data !== undefined ? similarTickets(draft, open.data, { limit: SIMILAR_LIMIT }) : []), [typed, draft, open.data]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    create.mutate({ kind, subject, body, language }, { onSuccess: (detail) => navigate({ name: 'ticket', id: detail.ticket.id }) });
  };

  return (
    <section className="portal-page new-ticket" aria-labelledby={titleId}>
      <h1 id={titleId} ref={heading} tabIndex={-1}>
        {t('portal.new.title')}
      </h1>
      <p className="muted">{t('portal.new.intro')}</p>
      <form className="new-ticket-form" onSubmit={submit}>
        <KindChoice value={kind} onChange={setKind} />
        <label>
          {t('portal.new.subject')}
          <input name="subject" required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label>
          {t('portal.new.body')}
          <textarea name="body" required maxLength={20_000} rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <label>
          {t('portal.new.language')}
          <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {similar.length > 0 ? <SimilarHint matches={similar} subject={subject} body={body} /> : null}
        {create.isError ? (
          <p role="alert" className="error">
            {t('portal.new.refused', { message: create.error.message })}
          </p>
        ) : null}
        <div className="new-ticket-actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('portal.new.submitting') : similar.length > 0 ? t('portal.new.submitAnyway') : t('portal.new.submit')}
          </button>
          <a href={routeHash({ name: 'tickets' })}>{t('portal.new.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
