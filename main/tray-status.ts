import { translate } from '../shared/i18n/index.ts';
import type { Language } from '../shared/model/index.ts';
import type { AttentionCounts } from '../shared/notifications/attention.ts';

/** The window title, tray tooltip and badge for the agent's breached and at-risk tickets. */
export function trayStatus(counts: AttentionCounts, language: Language): { title: string; tooltip: string; badge: number } {
  const badge = counts.breached + counts.atRisk;
  return {
    title: badge > 0 ? `(${badge}) DutyDesk` : 'DutyDesk',
    tooltip: translate(language, 'tray.tooltip', { breached: counts.breached, atRisk: counts.atRisk }),
    badge,
  };
}
