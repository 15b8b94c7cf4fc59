import type { AuditEntry } from '../../../shared/model/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useSupportCalendar } from '../../time/server-clock.ts';

/** The append-only audit trail: who did what, when, from which tier to which. */
export function AuditTrail({ audit }: { readonly audit: readonly AuditEntry[] }) {
  const t = useT();
  const lang = useLanguage();
  const { zone } = useSupportCalendar();
  return (
    <section className="audit" aria-label={t('ticket.audit')}>
      <h3>{t('ticket.audit')}</h3>
      <ol>
        {audit.map((a) => (
          <li key={a.id}>
            <time dateTime={new Date(a.at).toISOString()} className="muted">{formatInstant(lang, a.at, zone, 'd LLL HH:mm')}</time>{' '}
            <strong>{a.actor?.name ?? t('audit.system')}</strong>{' '}
            {t(`audit.${a.action}`, { from: a.fromTier === null ? '' : t(`tier.${a.fromTier}`), to: a.toTier === null ? '' : t(`tier.${a.toTier}`) })}
            {a.detail !== null ? <span className="audit-detail"> — {a.detail}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
