import type { Language } from '../shared/model/index.ts';
import type { NotificationDecision } from '../shared/notifications/decide.ts';

/** Translates a message key (shared/i18n). */
export type Translate = (language: Language, key: string, params?: Readonly<Record<string, string | number>>) => string;

/** The parts of Electron's Notification the notifier needs. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}
/** Electron's Notification class, or a stand-in. */
export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
}

/** Shows a decided notification in the agent's language; a click opens the ticket. */
export function showNotification(
  decision: NotificationDecision,
  options: { language: Language; sound: boolean; translate: Translate; factory: NotificationFactory; onClick: (ticketId: number) => void },
): boolean {
  if (!options.factory.isSupported()) return false;
  const params = { ...decision.params, tier: options.translate(options.language, `tier.${String(decision.params.tier)}`) };
  const notification = options.factory.create({
    title: options.translate(options.language, decision.titleKey, params),
    body: options.translate(options.language, decision.bodyKey, params),
    silent: !options.sound,
  });
  notification.on('click', () => options.onClick(decision.ticketId));
  notification.show();
  return true;
}
