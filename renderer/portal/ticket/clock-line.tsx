import type { Ticket } from '../../../shared/model/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useServerNow, useSupportCalendar } from '../../time/server-clock.ts';
import { clockWords } from './clock-words.ts';

/**
 * The ticket's SLA clock in plain words, on the service's 1-second tick (the words count down).
 * Not a live region: it changes every second, which a screen reader would read out each time.
 */
export function ClockLine({ ticket }: { readonly ticket: Ticket }) {
  const t = useT();
  const lang = useLanguage();
  const now = useServerNow();
  const words = clockWords(ticket, now, useSupportCalendar(), lang);
  return (
    <section className={`portal-clock-line portal-clock-line--${words.tone}`} aria-label={t('portal.clock.label')}>
      <p>{words.text}</p>
    </section>
  );
}
