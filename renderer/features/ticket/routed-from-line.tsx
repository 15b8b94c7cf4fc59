import type { Ticket } from '../../../shared/model/index.ts';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow, useSupportCalendar } from '../../time/server-clock.ts';

/** "Routed from L1 support by Anna Kovalenko, 10:42: <reason>", while the ticket is in the tier it was routed to. */
export function RoutedFromLine({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const lang = useLanguage();
  const { zone } = useSupportCalendar();
  const now = useServerNow();
  const r = ticket.routedFrom;
  if (r === null) return null;
  const sameDay = formatInstant(lang, r.at, zone, 'yyyy-MM-dd') === formatInstant(lang, now, zone, 'yyyy-MM-dd');
  const when = formatInstant(lang, r.at, zone, sameDay ? 'HH:mm' : 'd LLL HH:mm');
  const from = t(`tier.${r.fromTier}`);
  const text = r.by === null ? t('routed.lineByService', { from, when, reason: r.reason }) : t('routed.line', { from, name: r.by.name, when, reason: r.reason });
  return <p className="routed-line">{r.outOfTurn ? <span className="badge badge--system">{t('routed.outOfTurn')}</span> : null} {text}</p>;
}
