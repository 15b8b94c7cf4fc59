import { useId } from 'react';
import { promiseInWords } from '../../../shared/i18n/promise-words.ts';
import { slaPromise, TICKET_KINDS, type TicketKind } from '../../../shared/sla/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow, useSupportCalendar } from '../../time/server-clock.ts';

/** The kinds of R3 as radio buttons, each with what the SLA promises for it if filed now. */
export function KindChoice({ value, onChange }: { readonly value: TicketKind; readonly onChange: (kind: TicketKind) => void }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="new-ticket-kinds">
      <legend>{t('portal.new.kindLegend')}</legend>
      {TICKET_KINDS.map((kind) => (
        <KindOption key={kind} kind={kind} name={name} checked={kind === value} onChange={onChange} />
      ))}
    </fieldset>
  );
}

function KindOption({ kind, name, checked, onChange }: { readonly kind: TicketKind; readonly name: string; readonly checked: boolean; readonly onChange: (kind: TicketKind) => void }) {
  const t = useT();
  const id = useId();
  return (
    <label className={`new-ticket-kind${checked ? ' new-ticket-kind--checked' : ''}`}>
      <input type="radio" name={name} value={kind} checked={checked} onChange={() => onChange(kind)} aria-labelledby={`${id}-name`} aria-describedby={`${id}-hint ${id}-promise`} />
      <span className="new-ticket-kind-text">
        <strong id={`${id}-name`}>{t(`kind.${kind}`)}</strong>
        <span id={`${id}-hint`} className="muted">{t(`portal.new.kindHint.${kind}`)}</span>
        <KindPromise id={`${id}-promise`} kind={kind} />
      </span>
    </label>
  );
}

/** The promise in words on the service's clock: it follows the clock second by second (after hours, the next opening). */
function KindPromise({ id, kind }: { readonly id: string; readonly kind: TicketKind }) {
  const lang = useLanguage();
  const now = useServerNow();
  const calendar = useSupportCalendar();
  return (
    <span id={id} className="new-ticket-promise">
      {promiseInWords(lang, slaPromise(kind, now, { calendar }))}
    </span>
  );
}
