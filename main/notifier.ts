import { notificationText } from '../shared/i18n/index.ts';
import type { Language } from '../shared/model/index.ts';
import type { NotificationDecision } from '../shared/notifications/decide.ts';

/** The parts of Electron's Notification the notifier needs. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}
/** Electron's Notification class, or a stand-in where Electron cannot run. */
export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
}

/** Shows a decided notification in the agent's language; a click opens the ticket. */
export function showNotification(
  decision: NotificationDecision,
  options: { language: Language; sound: boolean; factory: NotificationFactory; onClick: (ticketId: number) => void },
): boolean {
  if (!options.factory.isSupported()) return false;
  const notification = options.factory.create({ ...notificationText(options.language, decision), silent: !options.sound });
  notification.on('click', () => options.onClick(decision.ticketId));
  notification.show();
  return true;
}
