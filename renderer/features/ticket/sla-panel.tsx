import type { OlaStatus } from '../../../shared/model/index.ts';
import type { SlaStatus } from '../../../shared/sla/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { CountdownText } from '../../time/countdown-text.tsx';
import { useServerNow, useSupportCalendar } from '../../time/server-clock.ts';
import { OlaBlock } from './ola-block.tsx';

/** Every SLA clock of the ticket (R21-R25): target, calendar, start, due, and whether it stopped in time or breached; then the tier's internal target, apart. */
export function SlaPanel({ sla, ola = null }: { readonly sla: SlaStatus; readonly ola?: OlaStatus | null }) {
  const t = useT();
  const lang = useLanguage();
  const now = useServerNow();
  const { zone } = useSupportCalendar();
  const when = (ms: number) => formatInstant(lang, ms, zone, 'ccc d LLL HH:mm');
  return (
    <section className="sla-panel" aria-label={t('sla.panel')}>
      <h3>
        {t('sla.panel')} <CountdownText sla={sla} />
      </h3>
      {sla.clocks.length === 0 ? <p className="muted">{t('sla.noClocks')}</p> : null}
      <ul>
        {sla.clocks.map((c, i) => {
          const breached = c.stoppedAt === null ? c.dueAt <= now : c.breached;
          const state = c.stoppedAt !== null
            ? t(c.breached ? 'sla.clock.stoppedLate' : 'sla.clock.stoppedInTime', { when: when(c.stoppedAt) })
            : breached ? t('sla.clock.breached') : t('sla.clock.running');
          return (
            <li key={i} className={`sla-clock${breached ? ' sla-clock--breached' : ''}${c.stoppedAt === null ? ' sla-clock--running' : ''}`}>
              <strong>{t(`sla.target.${c.target}`)}</strong> <span className="muted">({t(`sla.calendar.${c.calendar}`)})</span>
              <div className="muted">
                {t('sla.clock.started', { when: when(c.startedAt) })} · {t('sla.clock.due', { when: when(c.dueAt) })}
              </div>
              <div>{state}</div>
            </li>
          );
        })}
      </ul>
      {ola === null ? null : <OlaBlock ola={ola} />}
    </section>
  );
}
