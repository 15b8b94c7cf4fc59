import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { Ticket } from '../../../shared/model/index.ts';
import { similarTickets } from '../../../shared/tickets/similar.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { queueQueries } from '../queue/queries.ts';
import { Dialog } from '../../components/dialog.tsx';
import { useT } from '../../i18n/use-translation.ts';
import { CommandError } from './command-error.tsx';
import { useTicketCommand } from './queries.ts';
import { useTicketActions } from './store.ts';

/** How many likely originals the dialog offers. */
const SUGGESTIONS = 5;

/**
 * Merges this duplicate into its open original (R15): nothing is deleted. Suggests likely originals,
 * the same client's open tickets that read like this one (shared/tickets/similar.ts); a number can
 * still be typed.
 */
export function MergeDialog({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const bridge = useBridge();
  const { dialogClosed } = useTicketActions();
  const command = useTicketCommand();
  const [into, setInto] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  const candidates = useQuery(queueQueries.similar(bridge, ticket.client.id, 500));
  const suggestions = similarTickets(ticket, (candidates.data ?? []).filter((c) => c.id !== ticket.id && c.client.id === ticket.client.id), { limit: SUGGESTIONS });
  const number = Number(into.replace('#', '').trim());
  const valid = Number.isInteger(number) && number > 0;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (valid) command.mutate({ command: 'merge', id: ticket.id, into: number }, { onSuccess: dialogClosed });
  };
  return (
    <Dialog title={t('merge.title', { number: ticket.number })} onClose={dialogClosed} closeLabel={t('app.close')}>
      <form onSubmit={submit} className="dialog-form">
        {candidates.isPending ? (
          <p role="status">{t('app.loading')}</p>
        ) : suggestions.length === 0 ? (
          <p className="muted">{t('merge.noSuggestions')}</p>
        ) : (
          <ul className="merge-suggestions" aria-label={t('merge.suggestions')}>
            {suggestions.map(({ ticket: s }) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-pressed={number === s.number}
                  onClick={() => {
                    setInto(String(s.number));
                    submitRef.current?.focus();
                  }}
                >
                  {t('merge.use', { number: s.number, subject: s.subject })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="field">
          {t('merge.into')}
          <input inputMode="numeric" required value={into} onChange={(e) => setInto(e.target.value)} />
        </label>
        <CommandError error={command.error} />
        <div className="form-actions">
          <button ref={submitRef} type="submit" className="primary" disabled={command.isPending || !valid}>{t('merge.submit')}</button>
          <button type="button" onClick={dialogClosed}>{t('app.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
