import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { MAX_OLA_MINUTES } from '../../../shared/api/ola.ts';
import { OLA_TIERS, type OlaTargets, type OlaTier } from '../../../shared/ola/index.ts';
import { formatDuration } from '../../../shared/i18n/index.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerClock } from '../../time/server-clock.ts';
import { olaQueries, useSetOlaTargets } from './ola-queries.ts';

type Draft = Readonly<Record<OlaTier, string>>;
const DAY = 24 * 3_600_000;

/** A field's text as a target: '' is none; else a whole number of minutes in range, or the reason it is not. */
function parseMinutes(text: string): { ok: true; value: number | null } | { ok: false } {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d+$/.test(s)) return { ok: false };
  const n = Number(s);
  return n >= 1 && n <= MAX_OLA_MINUTES ? { ok: true, value: n } : { ok: false };
}

const draftOf = (targets: OlaTargets): Draft => Object.fromEntries(OLA_TIERS.map((t) => [t, targets[t] === null ? '' : String(targets[t])])) as Draft;

/**
 * Internal targets (docs/ola.md): each tier's target in working minutes, edited by admins and read by
 * managers; and the report of how the tiers kept them, apart from the SLA.
 */
export function OlaPanel({ editor }: { readonly editor: boolean }) {
  const t = useT();
  const bridge = useBridge();
  const targets = useQuery(olaQueries.targets(bridge));
  return (
    <section aria-label={t('admin.ola.title')}>
      <p className="muted">{t('admin.ola.intro')}</p>
      {targets.isError ? <p role="alert" className="error">{targets.error.message}</p> : null}
      {targets.data === undefined ? <p className="muted">{t('app.loading')}</p> : <TargetsForm targets={targets.data} editor={editor} />}
      <OlaReportTable />
    </section>
  );
}

function TargetsForm({ targets, editor }: { readonly targets: OlaTargets; readonly editor: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(targets));
  const [tried, setTried] = useState(false);
  const save = useSetOlaTargets();
  const parsed = OLA_TIERS.map((tier) => [tier, parseMinutes(draft[tier])] as const);
  const invalid = parsed.filter(([, p]) => !p.ok).map(([tier]) => tier);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (invalid.length > 0) {
      document.getElementById(`${id}-${invalid[0]}`)?.focus();
      return;
    }
    const next = Object.fromEntries(parsed.map(([tier, p]) => [tier, p.ok ? p.value : null])) as OlaTargets;
    save.mutate(next);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.ola.targets')}>
      <fieldset disabled={!editor || save.isPending}>
        <legend>{t('admin.ola.targets')}</legend>
        {OLA_TIERS.map((tier) => {
          const p = parseMinutes(draft[tier]);
          const bad = tried && !p.ok;
          const hint = p.ok && p.value !== null ? t('admin.ola.means', { duration: formatDuration(lang, p.value * 60_000) }) : t('admin.ola.none');
          return (
            <div key={tier} className="field">
              <label htmlFor={`${id}-${tier}`}>{t('admin.ola.field', { tier: t(`tier.${tier}`) })}</label>
              <input
                id={`${id}-${tier}`}
                name={tier}
                inputMode="numeric"
                value={draft[tier]}
                aria-invalid={bad}
                aria-describedby={`${id}-${tier}-hint`}
                onChange={(e) => setDraft({ ...draft, [tier]: e.target.value })}
              />
              <span id={`${id}-${tier}-hint`} className={bad ? 'error' : 'muted'}>
                {bad ? t('admin.ola.invalid', { max: MAX_OLA_MINUTES }) : hint}
              </span>
            </div>
          );
        })}
        <p className="muted">{t('admin.ola.escalation')}</p>
        {editor ? <button type="submit" className="primary">{t('admin.ola.save')}</button> : <p className="notice">{t('admin.ola.readOnly')}</p>}
      </fieldset>
      {save.isError ? <p role="alert" className="error">{save.error.message}</p> : null}
      {save.isSuccess ? <p role="status">{t('admin.ola.saved')}</p> : null}
    </form>
  );
}

function OlaReportTable() {
  const t = useT();
  const bridge = useBridge();
  const clock = useServerClock();
  const [days, setDays] = useState(7);
  // The period ends now (as the console opened the tab), to the minute, so the query key holds still.
  const to = useMemo(() => Math.ceil(clock.now() / 60_000) * 60_000, [clock]);
  const from = to - days * DAY;
  const report = useQuery(olaQueries.report(bridge, from, to));
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('admin.ola.report')}</h3>
      <label className="field">
        {t('admin.ola.period')}
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[1, 7, 30, 90].map((d) => (
            <option key={d} value={d}>{t('admin.ola.lastDays', { count: d })}</option>
          ))}
        </select>
      </label>
      {report.isError ? <p role="alert" className="error">{report.error.message}</p> : null}
      {report.data === undefined ? null : (
        <table aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('admin.ola.col.tier')}</th>
              <th scope="col">{t('admin.ola.col.target')}</th>
              <th scope="col">{t('admin.ola.col.arrived')}</th>
              <th scope="col">{t('admin.ola.col.inTime')}</th>
              <th scope="col">{t('admin.ola.col.late')}</th>
              <th scope="col">{t('admin.ola.col.running')}</th>
              <th scope="col">{t('admin.ola.col.median')}</th>
            </tr>
          </thead>
          <tbody>
            {report.data.rows.map((r) => (
              <tr key={r.tier}>
                <th scope="row">{t(`tier.${r.tier}`)}</th>
                <td>{r.targetMinutes === null ? t('app.none') : t('admin.ola.minutes', { count: r.targetMinutes })}</td>
                <td>{r.arrived}</td>
                <td>{r.inTime}</td>
                <td>{r.late}</td>
                <td>{r.running}</td>
                <td>{r.medianMinutes === null ? t('app.none') : t('admin.ola.minutes', { count: r.medianMinutes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
