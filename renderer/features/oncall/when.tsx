import { DateTime } from 'luxon';
import { formatInstant } from '../../../shared/i18n/index.ts';
import { useLanguage, useT } from '../../i18n/use-translation.ts';
import { useSupportCalendar } from '../../time/server-clock.ts';

const FORMAT = 'ccc d LLL, HH:mm';

/** An instant in the support zone and, when this machine's offset differs then, in the agent's own zone. */
export function When({ at }: { readonly at: number }) {
  const t = useT();
  const lang = useLanguage();
  const zone = useSupportCalendar().zone;
  const support = formatInstant(lang, at, zone, FORMAT);
  const differs = DateTime.fromMillis(at).offset !== DateTime.fromMillis(at, { zone }).offset;
  return (
    <time dateTime={new Date(at).toISOString()}>
      {support}
      {differs ? <span className="muted"> ({t('oncall.yourTime', { time: DateTime.fromMillis(at).setLocale(lang).toFormat(FORMAT) })})</span> : null}
    </time>
  );
}
