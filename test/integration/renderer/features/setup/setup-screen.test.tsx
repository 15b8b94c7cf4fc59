// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getSetting } from '../../../../../server/store/settings.ts';
import type { Bridge } from '../../../../../shared/ipc/bridge.ts';
import type { Workspace } from '../../../../../shared/ipc/contract.ts';
import { calendarConfigSchema } from '../../../../../shared/sla/index.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

const PASSWORD = 'long enough secret';

describe('SetupScreen, against a real service without accounts', () => {
  const desk = useDesk({ empty: true });
  const waiting = async () => (await desk.ts.request('GET', '/api/v1/info')).body.setup as boolean;

  /** Fills the form as a person would; the code as given. */
  async function fill(code: string, password = PASSWORD, repeat = password) {
    const form = await screen.findByRole('form', { name: 'Set up DutyDesk' });
    const box = (name: string) => within(form).getByRole('textbox', { name });
    if (code !== '') await userEvent.type(box('Setup code'), code);
    await userEvent.type(box('Organisation'), 'Acme Telecom');
    await userEvent.type(box('Login'), 'olena');
    await userEvent.type(box('Full name'), 'Olena Shevchenko');
    await userEvent.type(within(form).getByLabelText('Password'), password);
    await userEvent.type(within(form).getByLabelText('Repeat the password'), repeat);
    return form;
  }

  /**
   * The desktop host (Electron main) cannot run here: the web bridge stands in for it, and only its
   * answers to app:info (desktop, embedded, this workspace), setup:status (the embedded service's
   * code, which main holds) and workspace:switch (main restarts the app) are imitated.
   */
  const desktop = (workspace: Workspace, switched: Workspace[]): Bridge => {
    const web = desk.bridge();
    return {
      on: web.on,
      invoke: (async (channel, arg) => {
        if (channel === 'workspace:switch') {
          switched.push((arg as { workspace: Workspace }).workspace);
          return null;
        }
        const answer = await web.invoke(channel, arg);
        if (channel === 'app:info') return { ...(answer as object), mode: 'desktop', embedded: true, workspace };
        if (channel === 'setup:status') return { ...(answer as object), code: desk.ts.service.setupCode };
        return answer;
      }) as Bridge['invoke'],
    };
  };

  it('shows the setup screen instead of the login, prefilled with the SLA\'s zone, hours and working days', async () => {
    renderConsole(desk.bridge());
    const form = await screen.findByRole('form', { name: 'Set up DutyDesk' });
    expect(screen.queryByRole('heading', { name: 'Sign in to DutyDesk' })).toBeNull();
    expect(within(form).getByRole('textbox', { name: 'Setup code' })).toHaveProperty('value', '');
    expect(within(form).getByRole('textbox', { name: 'Time zone of support' })).toHaveProperty('value', 'Europe/Kyiv');
    expect(within(form).getByLabelText('Opens at')).toHaveProperty('value', '09:00');
    expect(within(form).getByLabelText('Closes at')).toHaveProperty('value', '18:00');
    const days = within(within(form).getByRole('group', { name: 'Working days' })).getAllByRole('checkbox');
    expect(days.map((d) => (d as HTMLInputElement).checked)).toEqual([true, true, true, true, true, false, false]);
    // No workspaces in the browser.
    expect(screen.queryByRole('region', { name: 'Workspace' })).toBeNull();
  });

  it('says what is wrong in words before asking (the password rule), and what the service refused', async () => {
    const code = desk.ts.service.setupCode ?? '';
    renderConsole(desk.bridge());
    let form = await fill(code, 'short', 'short');
    await userEvent.click(within(form).getByRole('button', { name: 'Set up DutyDesk' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The password must be at least 10 characters.');
    await userEvent.type(within(form).getByLabelText('Repeat the password'), 'x');
    await userEvent.clear(within(form).getByLabelText('Password'));
    await userEvent.type(within(form).getByLabelText('Password'), PASSWORD);
    await userEvent.click(within(form).getByRole('button', { name: 'Set up DutyDesk' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The two passwords differ.');

    // The service's refusals: a wrong code, a zone it does not know.
    form = screen.getByRole('form', { name: 'Set up DutyDesk' });
    await userEvent.clear(within(form).getByLabelText('Repeat the password'));
    await userEvent.type(within(form).getByLabelText('Repeat the password'), PASSWORD);
    const codeBox = within(form).getByRole('textbox', { name: 'Setup code' });
    await userEvent.clear(codeBox);
    await userEvent.type(codeBox, code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`);
    await userEvent.click(within(form).getByRole('button', { name: 'Set up DutyDesk' }));
    expect((await screen.findByText(/does not accept this setup code/)).textContent).toBe('The service does not accept this setup code. Use the code it printed last: each start of the service makes a new one.');
    await userEvent.clear(codeBox);
    await userEvent.type(codeBox, code);
    const zone = within(form).getByRole('textbox', { name: 'Time zone of support' });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    await userEvent.click(within(form).getByRole('button', { name: 'Set up DutyDesk' }));
    expect((await screen.findByText(/^Time zone of support:/)).textContent).toBe('Time zone of support: is not an IANA time zone known to this runtime');
    expect(await waiting()).toBe(true);
  });

  it('in Ukrainian', async () => {
    const bridge = desk.bridge();
    await bridge.invoke('settings:set', { language: 'uk' });
    renderConsole(bridge);
    const form = await screen.findByRole('form', { name: 'Налаштування DutyDesk' });
    expect(within(form).getByRole('checkbox', { name: /пн/i })).toHaveProperty('checked', true);
    await userEvent.type(within(form).getByLabelText('Пароль'), 'olena');
    await userEvent.click(within(form).getByRole('button', { name: 'Налаштувати DutyDesk' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Пароль має бути не коротшим за 10 символів.');
  });

  it('in the desktop app the embedded service\'s code is filled in, and the way back to the demo is offered', async () => {
    const switched: Workspace[] = [];
    renderConsole(desktop('own', switched));
    const form = await screen.findByRole('form', { name: 'Set up DutyDesk' });
    const codeBox = within(form).getByRole('textbox', { name: 'Setup code' });
    expect(codeBox).toHaveProperty('value', desk.ts.service.setupCode);
    expect(codeBox).toHaveProperty('readOnly', true);
    expect(screen.getByText('Made by the service on this computer; it works once.')).toBeTruthy();
    await userEvent.click(within(screen.getByRole('region', { name: 'Workspace' })).getByRole('button', { name: 'Back to the demo workspace' }));
    expect(switched).toEqual(['demo']);
    expect(await screen.findByRole('button', { name: 'Restarting…' })).toHaveProperty('disabled', true);
  });

  it('with the code it sets the service up and the console is signed in as the new admin, with the calendar as chosen', async () => {
    const bridge = desk.bridge();
    renderConsole(bridge);
    const form = await fill(desk.ts.service.setupCode ?? '');
    await userEvent.click(within(within(form).getByRole('group', { name: 'Working days' })).getByRole('checkbox', { name: 'Sat' }));
    fireEvent.change(within(form).getByLabelText('Opens at'), { target: { value: '08:00' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Set up DutyDesk' }));
    expect(await screen.findByText('Signed in as Olena Shevchenko')).toBeTruthy();
    expect(await screen.findByRole('grid', { name: 'Queue' })).toBeTruthy();
    expect(await waiting()).toBe(false);
    const session = await desk.ts.request('GET', '/api/v1/session', { token: localStorage.getItem('dutydesk.token') ?? '' });
    expect(session.body.user).toMatchObject({ login: 'olena', role: 'admin', tiers: [], language: 'en' });
    expect(await getSetting(desk.ts.db.kysely, 'calendar', calendarConfigSchema)).toMatchObject({ zone: 'Europe/Kyiv', open: '08:00', close: '18:00', workdays: [1, 2, 3, 4, 5, 6] });
  });

  it('once set up, a signed-out console shows the login, and the desktop demo offers an empty workspace', async () => {
    const switched: Workspace[] = [];
    renderConsole(desktop('demo', switched));
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Set up DutyDesk' })).toBeNull();
    await userEvent.click(within(screen.getByRole('region', { name: 'Workspace' })).getByRole('button', { name: 'Start an empty workspace' }));
    expect(switched).toEqual(['own']);
  });
});
