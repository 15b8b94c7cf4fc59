import type { OutageTimelineEntry } from '../../../shared/model/index.ts';
import { useT } from '../../i18n/use-translation.ts';
import { When } from '../oncall/index.ts';

/** What happened to the outage, oldest first: who did what and when; the scheduler's warnings by "the service". */
export function OutageTimeline({ timeline }: { readonly timeline: readonly OutageTimelineEntry[] }) {
  const t = useT();
  return (
    <section aria-label={t('outage.timeline')}>
      <h3>{t('outage.timeline')}</h3>
      <ol className="audit outage-timeline">
        {timeline.map((e) => (
          <li key={e.id}>
            <When at={e.at} /> <strong>{e.actor?.name ?? t('audit.system')}</strong> {t(`outage.action.${e.action}`)}
            {e.detail !== null ? <span className="audit-detail"> · {e.detail}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
