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
  create(options: NotificationOptions): NotificationLike;
}

/** The Electron Notification options the notifier builds. */
export interface NotificationOptions {
  readonly title: string;
  readonly body: string;
  readonly silent: boolean;
  /** Linux: critical notifications stay and sound even in do-not-disturb. */
  readonly urgency?: 'normal' | 'critical' | 'low';
  /** Windows and Linux: `never` keeps the notification until the agent acts on it. */
  readonly timeoutType?: 'default' | 'never';
}

/** The options for a decision: a page is critical, never times out and always sounds (it must wake someone). */
export function notificationOptions(decision: NotificationDecision, language: Language, sound: boolean): NotificationOptions {
  const text = notificationText(language, decision);
  return decision.urgent ? { ...text, silent: false, urgency: 'critical', timeoutType: 'never' } : { ...text, silent: !sound };
}

/** Shows a decided notification in the agent's language; a click opens the ticket. */
export function showNotification(
  decision: NotificationDecision,
  options: { language: Language; sound: boolean; factory: NotificationFactory; onClick: (ticketId: number) => void },
): boolean {
  if (!options.factory.isSupported()) return false;
  const notification = options.factory.create(notificationOptions(decision, options.language, options.sound));
  notification.on('click', () => options.onClick(decision.ticketId));
  notification.show();
  return true;
}
