import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { AvailabilityResponse } from '../../../shared/api/outages.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { budgetBurnDown } from '../../../shared/outage/index.ts';
import { DEFAULT_POLICY, type SlaPolicy } from '../../../shared/sla/policy.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { BurnDownChart } from './burn-down-chart.tsx';
import { downloadText } from '../../components/download.ts';
import { burnDownByMonth, formatBudgetDuration, formatUptime, yearIn, yearsOffered } from './figures.ts';
import { outageCsv } from './outage-csv.ts';
import { availabilityQueries } from './queries.ts';
import { useAvailabilityActions } from './store.ts';

type Report = AvailabilityResponse;
type GroupFigures = Report['groups'][number];

const WHEN = 'd LLL yyyy, HH:mm';

/**
 * The availability of a year (R17-R20, R27), read-only for every agent: per function group the
 * downtime against the budget, uptime, outages over 30 minutes and excluded ones, the budget's
 * burn-down across the year; per client the figures of its primary group; the year's outages as CSV.
 */
export function AvailabilityScreen() {
  const t = useT();
  const bridge = useBridge();
  const { availabilityClosed } = useAvailabilityActions();
  // null: the year the service's clock is in, in the support zone (the service picks it).
  const [chosen, setChosen] = useState<number | null>(null);
  const current = useQuery(availabilityQueries.year(bridge, null));
  const report = useQuery(availabilityQueries.year(bridge, chosen));
  const firstOutageAt = useQuery(availabilityQueries.firstOutageAt(bridge));
  const currentYear = current.data?.year;
  const years =
    current.data === undefined ? [] : yearsOffered(current.data.year, firstOutageAt.data == null ? null : yearIn(firstOutageAt.data, current.data.zone));

  return (
    <Dialog title={t('availability.title')} onClose={availabilityClosed} closeLabel={t('app.close')}>
      <div className="availability">
        <div className="availability-toolbar">
          <label>
            {t('availability.year')}{' '}
            <select value={chosen ?? currentYear ?? ''} onChange={(e) => setChosen(Number(e.target.value) === currentYear ? null : Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </label>
          {report.data !== undefined ? <ExportCsv report={report.data} /> : null}
        </div>
        {report.isError ? (
          <p role="alert" className="error">{t('app.error', { message: report.error.message })}</p>
        ) : report.data === undefined ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <YearReport report={report.data} />
        )}
      </div>
    </Dialog>
  );
}

/** Everything shown of one year. */
function YearReport({ report }: { readonly report: Report }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <>
      <p className="muted">
        {report.asOf < report.yearEnd
          ? t('availability.asOf', { year: report.year, when: formatInstant(lang, report.asOf, report.zone, WHEN), zone: report.zone })
          : t('availability.wholeYear', { year: report.year, zone: report.zone })}
      </p>
      <div className="availability-groups">
        {report.groups.map((g) => (
          <GroupSection key={g.group} figures={g} zone={report.zone} />
        ))}
      </div>
      <BurnDown report={report} />
      <ClientTable report={report} />
    </>
  );
}

/** Budget left, or by how much it is overrun. */
function useRemainingText(): (ms: number) => string {
  const t = useT();
  const lang = useLanguage();
  return (ms) => (ms < 0 ? t('availability.overrunBy', { duration: formatBudgetDuration(lang, ms) }) : formatBudgetDuration(lang, ms));
}

/** One function group's figures and its flagged and excluded outages. */
function GroupSection({ figures: g, zone }: { readonly figures: GroupFigures; readonly zone: string }) {
  const t = useT();
  const lang = useLanguage();
  const name = t(`group.${g.group}`);
  const overrun = g.remainingBudgetMs < 0;
  const span = (o: GroupFigures['overlong'][number]) => ({
    id: o.id,
    start: formatInstant(lang, o.startedAt, zone, WHEN),
    duration: formatBudgetDuration(lang, o.durationMs),
  });
  return (
    <section aria-label={name} className="availability-group">
      <h3>{name}</h3>
      <dl className="figures">
        <div>
          <dt>{t('availability.downtime')}</dt>
          <dd>{formatBudgetDuration(lang, g.downtimeMs)}</dd>
        </div>
        <div>
          <dt>{t('availability.budget')}</dt>
          <dd>{formatBudgetDuration(lang, g.budgetMs)}</dd>
        </div>
        <div className={overrun ? 'figure--overrun' : undefined}>
          <dt>{overrun ? t('availability.overrun') : t('availability.budgetLeft')}</dt>
          <dd>{formatBudgetDuration(lang, g.remainingBudgetMs)}</dd>
        </div>
        <div>
          <dt>{t('availability.uptime')}</dt>
          <dd>{formatUptime(lang, g.uptime)}</dd>
        </div>
        <div>
          <dt>{t('availability.outageCount')}</dt>
          <dd>{g.outageCount}</dd>
        </div>
      </dl>
      <h4>{t('availability.overlong')}</h4>
      {g.overlong.length === 0 ? (
        <p className="muted">{t('availability.noOverlong')}</p>
      ) : (
        <Folded count={g.overlong.length}>
          <ul aria-label={t('availability.overlongOf', { group: name })} className="outage-list">
            {g.overlong.map((o) => (
              <li key={o.id}>
                <span className="badge badge--overlong">{t('availability.overlongFlag')}</span>{' '}
                {t(o.restoredAt === null ? 'availability.outageOpen' : 'availability.outage', span(o))}
              </li>
            ))}
          </ul>
        </Folded>
      )}
      <h4>{t('availability.excluded')}</h4>
      {g.excluded.length === 0 ? (
        <p className="muted">{t('availability.noExcluded')}</p>
      ) : (
        <Folded count={g.excluded.length}>
          <ul aria-label={t('availability.excludedOf', { group: name })} className="outage-list">
            {g.excluded.map((o) => (
              <li key={o.id}>
                {t(o.restoredAt === null ? 'availability.outageOpen' : 'availability.outage', span(o))}{' '}
                <span className="exclusion-reason">{t('availability.reason', { reason: o.reason })}</span>
              </li>
            ))}
          </ul>
        </Folded>
      )}
    </section>
  );
}

/** Lists this long stay readable; a longer one (a bad year) folds behind "Show all", so the chart is not pushed far down. */
const UNFOLDED = 5;

/** A list shown as is when short, folded when long. */
function Folded({ count, children }: { readonly count: number; readonly children: ReactNode }) {
  const t = useT();
  if (count <= UNFOLDED) return children;
  return (
    <details className="folded">
      <summary>{t('availability.showAll', { count })}</summary>
      {children}
    </details>
  );
}

/** The service's policy with the budget the service reported, so the chart ends where the figures do. */
const policyWith = (budgetMs: number): SlaPolicy => ({ ...DEFAULT_POLICY, availability: { ...DEFAULT_POLICY.availability, budgetMs } });

/** The burn-down: a caption, the chart, and its figures month by month in a table. */
function BurnDown({ report }: { readonly report: Report }) {
  const t = useT();
  const lang = useLanguage();
  const bridge = useBridge();
  const captionId = useId();
  const remaining = useRemainingText();
  const outages = useQuery(availabilityQueries.outages(bridge, report.year));
  const series = useMemo(
    () =>
      outages.data === undefined
        ? null
        : report.groups.map((g) => ({
            group: g.group,
            points: budgetBurnDown(outages.data, g.group, { year: report.year, now: report.asOf, zone: report.zone, policy: policyWith(g.budgetMs) }),
          })),
    [outages.data, report],
  );
  const budgetMs = report.groups[0]?.budgetMs ?? DEFAULT_POLICY.availability.budgetMs;
  const caption = [
    t('availability.burnDownCaption', { year: report.year, budget: formatBudgetDuration(lang, budgetMs) }),
    ...report.groups.map((g) => t('availability.burnDownGroup', { group: t(`group.${g.group}`), remaining: remaining(g.remainingBudgetMs) })),
  ].join(' ');
  return (
    <figure className="burn-down" aria-labelledby={captionId}>
      <h3>{t('availability.burnDown')}</h3>
      <figcaption id={captionId}>{caption}</figcaption>
      {outages.isError ? <p role="alert" className="error">{t('app.error', { message: outages.error.message })}</p> : null}
      {series === null ? (
        outages.isError ? null : <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          <BurnDownChart year={report.year} zone={report.zone} yearStart={report.yearStart} yearEnd={report.yearEnd} budgetMs={budgetMs} series={series} label={caption} />
          <table className="availability-table">
            <caption>{t('availability.byMonth')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('availability.month')}</th>
                {series.map((s) => (
                  <th key={s.group} scope="col">{t(`group.${s.group}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {burnDownByMonth(series.map((s) => s.points), { year: report.year, zone: report.zone, asOf: report.asOf }).map((row) => {
                const month = formatInstant(lang, row.monthStart, report.zone, 'LLLL');
                return (
                  <tr key={row.monthStart}>
                    <th scope="row">{row.soFar ? t('availability.monthSoFar', { month }) : month}</th>
                    {row.remainingMs.map((ms, i) => (
                      <td key={series[i]?.group} className={ms < 0 ? 'figure--overrun' : undefined}>{remaining(ms)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

/** Per client: the figures of its primary group (R20). */
function ClientTable({ report }: { readonly report: Report }) {
  const t = useT();
  const lang = useLanguage();
  const remaining = useRemainingText();
  return (
    <table className="availability-table">
      <caption>{t('availability.clients')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('availability.client')}</th>
          <th scope="col">{t('availability.primaryGroup')}</th>
          <th scope="col">{t('availability.downtime')}</th>
          <th scope="col">{t('availability.budgetLeft')}</th>
          <th scope="col">{t('availability.uptime')}</th>
        </tr>
      </thead>
      <tbody>
        {report.clients.map((c) => (
          <tr key={c.client.id}>
            <th scope="row">{c.client.name}</th>
            <td>{t(`group.${c.client.primaryGroup}`)}</td>
            <td>{formatBudgetDuration(lang, c.downtimeMs)}</td>
            <td className={c.remainingBudgetMs < 0 ? 'figure--overrun' : undefined}>{remaining(c.remainingBudgetMs)}</td>
            <td>{formatUptime(lang, c.uptime)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Downloads the year's outages as CSV (times in the support zone; open ones counted up to the figures' instant). */
function ExportCsv({ report }: { readonly report: Report }) {
  const t = useT();
  const bridge = useBridge();
  const client = useQueryClient();
  const exportCsv = useMutation({
    mutationFn: async () => {
      const outages = await client.fetchQuery(availabilityQueries.outages(bridge, report.year));
      downloadText(`dutydesk-outages-${report.year}.csv`, outageCsv(outages, { zone: report.zone, now: report.asOf }), 'text/csv;charset=utf-8');
    },
  });
  return (
    <>
      <button type="button" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
        {t('availability.export', { year: report.year })}
      </button>
      {exportCsv.error !== null ? <p role="alert" className="error">{t('availability.exportFailed', { message: exportCsv.error.message })}</p> : null}
    </>
  );
}
