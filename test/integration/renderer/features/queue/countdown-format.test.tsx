// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../../shared/model/index.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { nth } from '../../../../support/nth.ts';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { at } from '../../../../support/time.ts';

setUpRendererTests();

// Monday noon in Kyiv, in working hours; the process runs in UTC, so the agent's own zone differs.
const noon = at('2026-11-30 12:00');
const rows = () => screen.getAllByRole('row').slice(1);
const timers = () => rows().map((r) => within(r).getByRole('timer'));

describe('countdowns read one way in every language', () => {
  const desk = useDesk({ start: noon });
  const id = { days: 0, hours: 0, minutes: 0 };
  beforeAll(async () => {
    // Problems react within 20 working minutes (R21): due Thu 10:20 (4 d 1 h 40 min ago), 10:38 (1 h 22 min ago), 12:10.
    id.days = await desk.file({ subject: 'Reports empty', at: at('2026-11-26 10:00') });
    id.hours = await desk.file({ subject: 'Calls drop', at: at('2026-11-30 10:18') });
    id.minutes = await desk.file({ subject: 'Autodialer does not start', at: at('2026-11-30 11:50') });
  });

  const expected: Record<Language, { text: string[]; names: string[]; due: string }> = {
    en: {
      text: ['−4 d 1 h', '−1 h 22 min', '10:00'],
      names: ['overdue by 4 days 1 hour', 'overdue by 1 hour 22 minutes', 'due in 10 minutes'],
      due: 'due Mon 30 Nov 10:38 support time (Europe/Kyiv); Mon 08:38 your time (UTC)',
    },
    ru: {
      text: ['−4 д 1 ч', '−1 ч 22 мин', '10:00'],
      names: ['просрочено на 4 дня 1 час', 'просрочено на 1 час 22 минуты', 'срок через 10 минут'],
      due: 'срок пн 30 нояб. 10:38 по времени поддержки (Europe/Kyiv); пн 08:38 по вашему времени (UTC)',
    },
    uk: {
      text: ['−4 дн 1 год', '−1 год 22 хв', '10:00'],
      names: ['прострочено на 4 дні 1 година', 'прострочено на 1 година 22 хвилини', 'термін через 10 хвилин'],
      due: 'термін пн 30 лист. 10:38 за часом підтримки (Europe/Kyiv); пн 08:38 за вашим часом (UTC)',
    },
  };

  it.each(['en', 'ru', 'uk'] as const)('%s: units, never a bare h:mm; the exact due time as tooltip and description', async (lang) => {
    vi.useFakeTimers({ now: noon, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const bridge = await desk.signedIn('anna');
    await bridge.invoke('settings:set', { language: lang });
    renderConsole(bridge);
    await screen.findByText(`#${id.minutes}`);
    expect(timers().map((t) => t.textContent)).toEqual(expected[lang].text);
    expect(timers().map((t) => t.getAttribute('aria-label'))).toEqual(expected[lang].names);
    // The tooltip, and what a screen reader hears after the name.
    expect(timers()[1]?.getAttribute('title')).toBe(expected[lang].due);
    expect(within(nth(rows(), 1)).getByRole('timer', { name: expected[lang].names[1], description: expected[lang].due })).toBeTruthy();
  });

  it('shows the same format in the ticket\'s SLA panel', async () => {
    vi.useFakeTimers({ now: noon, toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderConsole(await desk.signedIn('anna'));
    await userEvent.click(await screen.findByText(`#${id.hours}`));
    const ws = await screen.findByRole('region', { name: `Ticket #${id.hours}` });
    const panel = await within(ws).findByRole('region', { name: 'SLA' });
    const timer = await within(panel).findByRole('timer', { name: 'overdue by 1 hour 22 minutes', description: expected.en.due });
    expect(timer.textContent).toBe('−1 h 22 min');
  });
});
