import { formatCountdown, formatDuration, translate } from '../../../shared/i18n/index.ts';
import type { Language, OutageSummary } from '../../../shared/model/index.ts';
import { OUTAGE_WARNING_BEFORE_MS, outageDurationMs } from '../../../shared/outage/index.ts';

/** How the restoration countdown looks (the queue's countdown classes): in time, the last 10 minutes, past the limit, restored. */
export type RestorationTone = 'running' | 'at-risk' | 'breached' | 'closed';

/** What an outage's clock shows at `now`: the countdown to restoreBy (R18) and the downtime so far. */
export interface Restoration {
  readonly tone: RestorationTone;
  /** Compact countdown ("17:59"), or in words once past the limit or restored. */
  readonly text: string;
  /** What a screen reader hears. */
  readonly label: string;
  /** "down 12 minutes" (R19: from the earliest ticket's receipt). */
  readonly downtime: string;
}

/**
 * The restoration countdown of an outage at `now` (the service's clock), on the 24/7 calendar:
 * restoreBy is start + 30 minutes of wall time (R18). At risk once the service's warning is due
 * (10 minutes left); past the limit it says by how much.
 */
export function restorationOf(o: Pick<OutageSummary, 'startedAt' | 'restoredAt' | 'restoreBy'>, now: number, lang: Language): Restoration {
  const downtime = translate(lang, 'outage.downFor', { duration: formatDuration(lang, outageDurationMs(o, now)) });
  if (o.restoredAt !== null) {
    const text = translate(lang, 'outage.restoredAfter', { duration: formatDuration(lang, outageDurationMs(o, now)) });
    return { tone: 'closed', text, label: text, downtime };
  }
  const left = o.restoreBy - now;
  if (left <= 0) {
    const text = translate(lang, 'outage.overLimit', { duration: formatDuration(lang, left) });
    return { tone: 'breached', text, label: text, downtime };
  }
  const label = translate(lang, 'outage.leftToRestore', { duration: formatDuration(lang, left) });
  return { tone: left <= OUTAGE_WARNING_BEFORE_MS ? 'at-risk' : 'running', text: formatCountdown(lang, left), label, downtime };
}
