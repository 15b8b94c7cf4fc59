import { describe, expect, it } from 'vitest';
import { trayMenu } from '../../../main/tray-menu.ts';
import type { Agent, Page } from '../../../shared/model/index.ts';

const boris: Agent = { kind: 'agent', id: 2, login: 'boris', name: 'Boris', role: 'agent', tiers: ['l2-analysts'], language: 'en' };
const olga: Agent = { kind: 'agent', id: 3, login: 'olga', name: 'Olga', role: 'agent', tiers: ['l2-analysts'], language: 'en' };
const base: Page = {
  id: 1, ticketId: 10, state: 'open', level: 'primary', attempt: 1, paged: [boris.id], notified: [boris.id], reason: 'escalated',
  nextAt: 1, acknowledgedBy: null, acknowledgedAt: null, createdAt: 100, closedAt: null,
};
const numbers = new Map([[10, 1042], [11, 1043], [12, 1044]]);

describe('trayMenu', () => {
  it('lists "Acknowledge #N" for each open page that pages me, oldest first, above Open and Quit', () => {
    const pages: Page[] = [
      { ...base, id: 2, ticketId: 11, createdAt: 200 },
      base,
      { ...base, id: 3, ticketId: 12, paged: [olga.id], notified: [boris.id, olga.id], level: 'secondary' },
    ];
    expect(trayMenu(pages, numbers, boris, 'en')).toEqual([
      { kind: 'ack', label: 'Acknowledge #1042', pageId: 1, ticketId: 10 },
      { kind: 'ack', label: 'Acknowledge #1043', pageId: 2, ticketId: 11 },
      { kind: 'separator' },
      { kind: 'open', label: 'Open DutyDesk' },
      { kind: 'separator' },
      { kind: 'quit', label: 'Quit' },
    ]);
    expect(trayMenu(pages, numbers, olga, 'en').filter((i) => i.kind === 'ack')).toEqual([{ kind: 'ack', label: 'Acknowledge #1044', pageId: 3, ticketId: 12 }]);
  });

  it('leaves out acknowledged and closed pages, and pages for nobody signed in', () => {
    const pages: Page[] = [
      { ...base, state: 'acknowledged', acknowledgedBy: { id: boris.id, name: 'Boris' }, acknowledgedAt: 150 },
      { ...base, id: 2, ticketId: 11, state: 'closed', closedAt: 150 },
    ];
    const plain = [{ kind: 'open', label: 'Open DutyDesk' }, { kind: 'separator' }, { kind: 'quit', label: 'Quit' }];
    expect(trayMenu(pages, numbers, boris, 'en')).toEqual(plain);
    expect(trayMenu([base], numbers, null, 'en')).toEqual(plain);
  });

  it('leaves out a page whose ticket number is unknown', () => {
    expect(trayMenu([{ ...base, ticketId: 99 }], numbers, boris, 'en').some((i) => i.kind === 'ack')).toBe(false);
  });

  it('speaks Russian and Ukrainian', () => {
    expect(trayMenu([base], numbers, boris, 'ru')[0]).toMatchObject({ label: 'Подтвердить #1042' });
    expect(trayMenu([base], numbers, boris, 'uk')[0]).toMatchObject({ label: 'Підтвердити #1042' });
    expect(trayMenu([base], numbers, boris, 'uk').at(-1)).toMatchObject({ label: 'Вийти' });
  });
});
