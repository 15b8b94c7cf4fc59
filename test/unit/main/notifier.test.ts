import { describe, expect, it, vi } from 'vitest';
import { showNotification, type NotificationFactory, type NotificationOptions } from '../../../main/notifier.ts';
import type { NotificationDecision } from '../../../shared/notifications/decide.ts';

// Electron's Notification cannot run here; this factory records what would be shown.
const recordingFactory = (supported = true) => {
  const shown: (NotificationOptions & { click: () => void })[] = [];
  const factory: NotificationFactory = {
    isSupported: () => supported,
    create: (options) => {
      const entry = { ...options, click: () => {} };
      return {
        on: (_event, listener) => (entry.click = listener),
        show: () => void shown.push(entry),
      };
    },
  };
  return { factory, shown };
};

const routed: NotificationDecision = {
  kind: 'ticketRouted',
  ticketId: 42,
  titleKey: 'notify.ticketRouted.title',
  bodyKey: 'notify.ticketRouted.body',
  params: { number: 42, subject: 'Calls drop', tier: 'l2-analysts' },
  urgent: false,
};
const page: NotificationDecision = {
  kind: 'page',
  ticketId: 43,
  titleKey: 'notify.page.title',
  bodyKey: 'notify.page.body',
  params: { number: 43, subject: 'Calls drop at night', tier: 'escalation' },
  urgent: true,
};

describe('showNotification', () => {
  it('shows the decision in the agent language, with the tier named', () => {
    const { factory, shown } = recordingFactory();
    expect(showNotification(routed, { language: 'en', sound: true, factory, onClick: () => {} })).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toContain('L2');
    expect(shown[0]?.title).not.toContain('l2-analysts');
    expect(shown[0]?.silent).toBe(false);
    const uk = recordingFactory();
    showNotification(routed, { language: 'uk', sound: false, factory: uk.factory, onClick: () => {} });
    expect(uk.shown[0]?.title).not.toBe(shown[0]?.title);
    expect(uk.shown[0]?.silent).toBe(true);
  });

  it('shows a page as critical, never timing out and with sound, even with sounds switched off', () => {
    const { factory, shown } = recordingFactory();
    showNotification(page, { language: 'uk', sound: false, factory, onClick: () => {} });
    expect(shown[0]).toMatchObject({ title: 'Виклик: №43 чекає на вас', body: 'Calls drop at night', urgency: 'critical', timeoutType: 'never', silent: false });
    const plain = recordingFactory();
    showNotification(routed, { language: 'en', sound: true, factory: plain.factory, onClick: () => {} });
    expect(plain.shown[0]?.urgency).toBeUndefined();
    expect(plain.shown[0]?.timeoutType).toBeUndefined();
  });

  it('opens the ticket when clicked', () => {
    const { factory, shown } = recordingFactory();
    const onClick = vi.fn();
    showNotification(routed, { language: 'en', sound: true, factory, onClick });
    shown[0]?.click();
    expect(onClick).toHaveBeenCalledWith(42);
  });

  it('shows nothing where the OS has no notifications', () => {
    const { factory, shown } = recordingFactory(false);
    expect(showNotification(routed, { language: 'en', sound: true, factory, onClick: () => {} })).toBe(false);
    expect(shown).toHaveLength(0);
  });
});
