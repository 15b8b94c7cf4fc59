import { useQuery } from '@tanstack/react-query';
import { DateTime, Info } from 'luxon';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/client/api-error.ts';
import { formatInstant, type MessageKey } from '../../../shared/i18n/index.ts';
import { suggestedHolidays, type CalendarConfig } from '../../../shared/sla/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerClock } from '../../time/server-clock.ts';
import { useMe } from '../auth/queries.ts';
import { draftProblem, wallSpan, workingHoursPreview, type PreviewDay } from './preview.ts';
import { calendarQueries, useSaveCalendar } from './queries.ts';
import { useCalendarActions } from './store.ts';

/** The label of each field of a calendar, to name the one the service refused. */
const FIELD_LABEL: Readonly<Record<keyof CalendarConfig, MessageKey>> = {
  zone: 'calendar.zone',
  open: 'calendar.opens',
  close: 'calendar.closes',
  workdays: 'calendar.workdays',
  holidays: 'calendar.holidays',
  extraWorkdays: 'calendar.extraWorkdays',
};

/** This console's own time zone. */
const myZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether two calendars say the same. */
const same = (a: CalendarConfig, b: CalendarConfig): boolean =>
  JSON.stringify([a.zone, a.open, a.close, a.workdays, a.holidays, a.extraWorkdays]) === JSON.stringify([b.zone, b.open, b.close, b.workdays, b.holidays, b.extraWorkdays]);

/** The label of a field path such as `holidays.0` (the service's `body.` stripped), or the path itself. */
function useFieldLabel(): (field: string) => string {
  const t = useT();
  return (field) => {
    const key = FIELD_LABEL[field.replace(/^body\./, '').split('.')[0] as keyof CalendarConfig] as MessageKey | undefined;
    return key === undefined ? field : t(key);
  };
}

/** The support calendar (R7): every agent reads it; admins edit it, with a preview of the next 14 days, and save it. */
export function CalendarScreen() {
  const t = useT();
  const bridge = useBridge();
  const { calendarClosed } = useCalendarActions();
  const current = useQuery(calendarQueries.current(bridge));
  return (
    <Dialog title={t('calendar.title')} onClose={calendarClosed} closeLabel={t('app.close')}>
      <div className="calendar-editor">
        {current.data !== undefined ? (
          <CalendarEditor stored={current.data} />
        ) : current.isError ? (
          <p role="alert" className="error">{t('app.error', { message: current.error.message })}</p>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </div>
    </Dialog>
  );
}

function CalendarEditor({ stored }: { readonly stored: CalendarConfig }) {
  const t = useT();
  const me = useMe();
  const editor = me.role === 'admin';
  const save = useSaveCalendar();
  // `base` is the calendar the draft started from; while the draft is untouched it follows the service.
  const [base, setBase] = useState(stored);
  const [draft, setDraft] = useState(stored);
  const [saved, setSaved] = useState(false);
  const dirty = !same(draft, base);
  if (!dirty && !same(stored, base)) {
    setBase(stored);
    setDraft(stored);
  }
  const changedMeanwhile = dirty && !same(stored, base);
  const edit = (patch: Partial<CalendarConfig>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
    save.reset();
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    save.mutate(draft, {
      onSuccess: (config) => {
        setBase(config);
        setDraft(config);
        setSaved(true);
      },
    });
  };
  const zonesId = useId();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  return (
    <form aria-label={t('calendar.title')} onSubmit={submit} className="calendar-form">
      {editor ? null : <p className="muted">{t('calendar.readOnly')}</p>}
      <fieldset disabled={!editor} className="calendar-fields">
        <label>
          {t('calendar.zone')}
          <input type="text" list={zonesId} value={draft.zone} onChange={(e) => edit({ zone: e.target.value })} spellCheck={false} />
          <datalist id={zonesId}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <label>
          {t('calendar.opens')}
          <input type="text" value={draft.open} onChange={(e) => edit({ open: e.target.value })} placeholder="09:00" size={5} />
        </label>
        <label>
          {t('calendar.closes')}
          <input type="text" value={draft.close} onChange={(e) => edit({ close: e.target.value })} placeholder="18:00" size={5} />
        </label>
        <Weekdays draft={draft} onChange={(workdays) => edit({ workdays })} />
        <DateList list="holidays" dates={draft.holidays} zone={draft.zone} onChange={(holidays) => edit({ holidays })} />
        {editor ? <Suggestions draft={draft} onAdd={(holidays) => edit({ holidays })} /> : null}
        <DateList list="extraWorkdays" dates={draft.extraWorkdays} zone={draft.zone} onChange={(extraWorkdays) => edit({ extraWorkdays })} />
      </fieldset>
      <Preview draft={draft} />
      {changedMeanwhile ? (
        <p role="status" className="notice">
          {t('calendar.changedMeanwhile')}{' '}
          <button type="button" onClick={() => { setBase(stored); setDraft(stored); }}>{t('calendar.loadCurrent')}</button>
        </p>
      ) : null}
      {editor ? (
        <p className="calendar-actions">
          <button type="submit" className="primary" disabled={!dirty || save.isPending}>{save.isPending ? t('calendar.saving') : t('calendar.save')}</button>{' '}
          <button type="button" disabled={!dirty || save.isPending} onClick={() => setDraft(base)}>{t('calendar.reset')}</button>
        </p>
      ) : null}
      {saved ? <p role="status">{t('calendar.saved')}</p> : null}
      {save.error !== null ? <Refusal error={save.error} /> : null}
    </form>
  );
}

/** The service's refusal in words: which field, and its reason. */
function Refusal({ error }: { readonly error: Error }) {
  const t = useT();
  const labelOf = useFieldLabel();
  const label = error instanceof ApiError && error.field !== undefined ? labelOf(error.field) : '';
  // The service says "body.close: open must be earlier than close"; the label already names the field.
  const reason = error.message.replace(/^[\w.]+: /, '');
  return (
    <p role="alert" className="error">
      {label === '' ? t('calendar.refusedWhole', { reason }) : t('calendar.refused', { field: label, reason })}
    </p>
  );
}

function Weekdays({ draft, onChange }: { readonly draft: CalendarConfig; readonly onChange: (workdays: number[]) => void }) {
  const t = useT();
  const lang = useLanguage();
  const names = Info.weekdays('long', { locale: lang });
  return (
    <fieldset className="calendar-weekdays">
      <legend>{t('calendar.workdays')}</legend>
      {names.map((name, i) => {
        const day = i + 1;
        const on = draft.workdays.includes(day);
        return (
          <label key={day}>
            <input type="checkbox" checked={on} onChange={() => onChange(on ? draft.workdays.filter((d) => d !== day) : [...draft.workdays, day].sort((a, b) => a - b))} /> {name}
          </label>
        );
      })}
    </fieldset>
  );
}

/** A date of the support zone, for people: "Fri 25 Dec 2026". */
function useDateText(): (date: string, zone: string) => string {
  const lang = useLanguage();
  return (date, zone) => {
    const dt = DateTime.fromISO(date, { zone });
    return dt.isValid ? formatInstant(lang, dt.toMillis(), dt.zoneName ?? zone, 'ccc d LLL yyyy') : date;
  };
}

function DateList({ list, dates, zone, onChange }: { readonly list: 'holidays' | 'extraWorkdays'; readonly dates: readonly string[]; readonly zone: string; readonly onChange: (dates: string[]) => void }) {
  const t = useT();
  const dateText = useDateText();
  const [adding, setAdding] = useState('');
  const title = t(FIELD_LABEL[list]);
  const add = (): void => {
    if (adding === '' || dates.includes(adding)) return;
    onChange([...dates, adding].sort());
    setAdding('');
  };
  return (
    <section aria-label={title} className="calendar-dates">
      <h3>{title}</h3>
      {dates.length === 0 ? <p className="muted">{t('calendar.noDates')}</p> : null}
      <ul>
        {dates.map((d) => (
          <li key={d}>
            <time dateTime={d}>{dateText(d, zone)}</time>{' '}
            <button type="button" onClick={() => onChange(dates.filter((x) => x !== d))} aria-label={t('calendar.remove', { date: d, list: title })}>
              {t('oncall.remove')}
            </button>
          </li>
        ))}
      </ul>
      <input type="date" value={adding} onChange={(e) => setAdding(e.target.value)} aria-label={t('calendar.dateToAdd', { list: title })} />{' '}
      <button type="button" onClick={add} disabled={adding === ''}>{t('calendar.addDate', { list: title })}</button>
    </section>
  );
}

/** The shipped public holidays of this year and the next, offered, never assumed. */
function Suggestions({ draft, onAdd }: { readonly draft: CalendarConfig; readonly onAdd: (holidays: string[]) => void }) {
  const t = useT();
  const clock = useServerClock();
  const zone = draft.zone;
  // The year in the support zone (this console's while the zone typed is not a zone yet).
  const inZone = DateTime.fromMillis(clock.now(), { zone });
  const thisYear = inZone.isValid ? inZone.year : DateTime.fromMillis(clock.now()).year;
  return (
    <section aria-label={t('calendar.suggestions')} className="calendar-suggestions">
      <p className="muted">{t('calendar.suggestNote')}</p>
      {[thisYear, thisYear + 1].map((year) => {
        const missing = suggestedHolidays(zone, year).filter((d) => !draft.holidays.includes(d));
        const shipped = suggestedHolidays(zone, year).length;
        if (shipped === 0) return <p key={year} className="muted">{t('calendar.suggestNone', { zone, year })}</p>;
        return (
          <button key={year} type="button" disabled={missing.length === 0} onClick={() => onAdd([...draft.holidays, ...missing].sort())}>
            {t('calendar.suggest', { year, count: missing.length })}
          </button>
        );
      })}
    </section>
  );
}

/** The next 14 days' working hours under the draft, in the support zone and in this console's zone side by side. */
function Preview({ draft }: { readonly draft: CalendarConfig }) {
  const t = useT();
  const lang = useLanguage();
  const clock = useServerClock();
  const labelOf = useFieldLabel();
  const problem = draftProblem(draft);
  const mine = myZone();
  let days: readonly PreviewDay[] = [];
  if (problem === null) days = workingHoursPreview(draft, clock.now());
  const span = (d: PreviewDay, zone: string): string => {
    if (d.hours === null) return d.kind === 'holiday' ? t('calendar.holiday') : t('calendar.dayOff');
    const s = wallSpan(d.hours.start, d.hours.end, zone);
    const day = (iso: string) => (iso === d.date ? '' : `${formatInstant(lang, DateTime.fromISO(iso, { zone }).toMillis(), zone, 'ccc')} `);
    return `${day(s.startDate)}${s.start}–${s.endDate === s.startDate ? '' : day(s.endDate)}${s.end}`;
  };
  return (
    <section aria-label={t('calendar.preview')} className="calendar-preview">
      <h3>{t('calendar.preview')}</h3>
      {problem !== null ? (
        <p role="status" className="error">{t('calendar.invalid', { field: labelOf(problem.field), reason: problem.message })}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('calendar.previewDay')}</th>
              <th scope="col">{t('calendar.previewSupport', { zone: draft.zone })}</th>
              <th scope="col">{t('calendar.previewMine', { zone: mine })}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date} className={d.hours === null ? 'muted' : undefined}>
                <th scope="row">
                  {formatInstant(lang, DateTime.fromISO(d.date, { zone: draft.zone }).toMillis(), draft.zone, 'ccc d LLL')}
                  {d.kind === 'extra' ? ` · ${t('calendar.extraDay')}` : ''}
                </th>
                <td>{span(d, draft.zone)}</td>
                <td>{span(d, mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
