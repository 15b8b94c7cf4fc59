import type { Language } from '../shared/model/index.ts';
import type { AttentionCounts } from '../shared/notifications/attention.ts';
import type { Translate } from './notifier.ts';

/** The window title, tray tooltip and badge for the agent's breached and at-risk tickets. */
export function trayStatus(counts: AttentionCounts, language: Language, translate: Translate): { title: string; tooltip: string; badge: number } {
  const total = counts.breached + counts.atRisk;
  if (total === 0) return { title: 'DutyDesk', tooltip: `DutyDesk: ${translate(language, 'tray.allClear')}`, badge: 0 };
  const summary = [
    counts.breached > 0 ? translate(language, 'tray.breached', { count: counts.breached }) : null,
    counts.atRisk > 0 ? translate(language, 'tray.atRisk', { count: counts.atRisk }) : null,
  ]
    .filter((s) => s !== null)
    .join(', ');
  return { title: `DutyDesk (${summary})`, tooltip: `DutyDesk: ${summary}`, badge: total };
}
