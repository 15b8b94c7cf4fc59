import type { SlaStatus } from '../../shared/sla/index.ts';
import { useLanguage } from '../i18n/use-translation.ts';
import { countdownOf } from './countdown.ts';
import { useServerNow, useSupportCalendar } from './server-clock.ts';

/** A live SLA countdown with its accessible name ("due in 12 minutes"), coloured by state. */
export function CountdownText({ sla }: { readonly sla: SlaStatus }) {
  const now = useServerNow();
  const lang = useLanguage();
  const c = countdownOf(sla, now, lang, useSupportCalendar());
  return (
    <span role="timer" aria-label={c.label} title={c.label} className={`countdown countdown--${c.tone}`}>
      {c.text}
    </span>
  );
}
