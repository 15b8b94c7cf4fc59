// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../../../../shared/ipc/bridge.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

describe('SettingsDialog', () => {
  const desk = useDesk();
  beforeAll(async () => {
    await desk.file({ subject: 'A' });
    await desk.file({ subject: 'B', customer: 'beta.user' });
  });

  it('switches the whole console to Ukrainian, with plurals right, and keeps the choice', async () => {
    const bridge = await desk.signedIn('anna');
    renderConsole(bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Language' }), 'uk');
    expect(await screen.findByRole('dialog', { name: 'Налаштування' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Закрити' }));
    expect(screen.getByRole('grid', { name: 'Черга' })).toBeTruthy();
    expect(await screen.findByText('2 тікети')).toBeTruthy();
    expect(document.documentElement.lang).toBe('uk');
    expect((await bridge.invoke('settings:get', undefined)).language).toBe('uk');
  });

  it('keeps the queue keys off while open, and closes on Escape even when focus left it', async () => {
    renderConsole(await desk.signedIn('anna'));
    const grid = await screen.findByRole('grid', { name: 'Queue' });
    await screen.findByText('2 tickets');
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('j');
    expect(grid.getAttribute('aria-activedescendant')).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
    await userEvent.keyboard('j');
    expect(grid.getAttribute('aria-activedescendant')).toMatch(/^queue-row-/);
  });

  it('switches notifications per kind; browser mode shows no desktop-only settings', async () => {
    const bridge = await desk.signedIn('anna');
    renderConsole(bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'SLA at risk' }));
    expect(await within(dialog).findByText('Settings saved.')).toBeTruthy();
    expect((await bridge.invoke('settings:get', undefined)).notifications.slaWarning).toBe(false);
    expect(within(dialog).queryByRole('checkbox', { name: 'Start minimized to the tray' })).toBeNull();
    expect(within(dialog).queryByRole('radio', { name: 'Embedded service on this computer' })).toBeNull();
  });

  it('offers the server choice and start minimized in the desktop app', async () => {
    // The desktop host (Electron main) cannot run here (no Electron binary): the web bridge stands
    // in for it and only its answer to app:info says "desktop, embedded service".
    const web = await desk.signedIn('anna');
    const bridge: Bridge = {
      on: web.on,
      invoke: (async (channel, arg) => {
        const answer = await web.invoke(channel, arg);
        return channel === 'app:info' ? { ...(answer as object), mode: 'desktop', embedded: true } : answer;
      }) as Bridge['invoke'],
    };
    renderConsole(bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    await within(dialog).findByRole('checkbox', { name: 'Start minimized to the tray' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'A team service at this URL' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Service URL' }), 'https://desk.example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('Settings saved.');
    expect((await web.invoke('settings:get', undefined)).serverUrl).toBe('https://desk.example.com');
  });
});
