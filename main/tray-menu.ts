import { translate } from '../shared/i18n/index.ts';
import type { Agent, Language, Page } from '../shared/model/index.ts';
import { openPagesForMe } from '../shared/notifications/decide.ts';

/** One tray menu entry as plain data; main/index.ts maps it to an Electron MenuItem. */
export type TrayMenuItem =
  | { readonly kind: 'ack'; readonly label: string; readonly pageId: number; readonly ticketId: number }
  | { readonly kind: 'open'; readonly label: string }
  | { readonly kind: 'quit'; readonly label: string }
  | { readonly kind: 'separator' };

/**
 * The tray's context menu: "Acknowledge #N" for each open page that pages me (oldest first, so the
 * longest-waiting is on top), then Open and Quit. A page whose ticket is unknown (not fetched) is left out.
 */
export function trayMenu(
  pages: readonly Page[],
  ticketNumbers: ReadonlyMap<number, number>,
  me: Agent | null,
  language: Language,
): readonly TrayMenuItem[] {
  const mine = me === null ? [] : [...openPagesForMe(pages, me)].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  const acks = mine.flatMap((page): TrayMenuItem[] => {
    const number = ticketNumbers.get(page.ticketId);
    return number === undefined ? [] : [{ kind: 'ack', label: translate(language, 'tray.ack', { number }), pageId: page.id, ticketId: page.ticketId }];
  });
  return [
    ...acks,
    ...(acks.length > 0 ? [{ kind: 'separator' } as const] : []),
    { kind: 'open', label: translate(language, 'tray.open') },
    { kind: 'separator' },
    { kind: 'quit', label: translate(language, 'tray.quit') },
  ];
}
