import type { OlaStatus } from '../../../shared/model/index.ts';
import { formatDuration, formatInstant } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useSupportCalendar } from '../../time/server-clock.ts';
import { OlaCountdown } from '../queue/ola-countdown.tsx';

/** The tier's internal target (docs/ola.md), apart from the SLA clocks and labelled internal: target, arrival, due time and state. */
export function OlaBlock({ ola }: { readonly ola: OlaStatus }) {
  const t = useT();
  const lang = useLanguage();
  const { zone } = useSupportCalendar();
  const when = (ms: number) => formatInstant(lang, ms, zone, 'ccc d LLL HH:mm');
  const state = ola.stoppedAt === null ? null : t(ola.state === 'met' ? 'ola.met' : 'ola.breached', { when: when(ola.stoppedAt) });
  return (
    <section className="ola-block" aria-label={t('ola.panel')}>
      <h4>
        {t('ola.panel')} {ola.state === 'running' ? <OlaCountdown ola={ola} /> : null}
      </h4>
      <p className="muted">{t('ola.internalNote')}</p>
      <div>{t('ola.target', { tier: t(`tier.${ola.tier}`), duration: formatDuration(lang, ola.targetMinutes * 60_000) })}</div>
      <div className="muted">
        {t('ola.started', { when: when(ola.startedAt) })} · {t('sla.clock.due', { when: when(ola.dueAt) })}
      </div>
      {state === null ? null : <div>{state}</div>}
    </section>
  );
}
