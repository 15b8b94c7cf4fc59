// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const EDGE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

describe('my password and my other sessions, in Settings', () => {
  const desk = useDesk();

  /** Signs `login` in elsewhere with a browser's User-Agent; returns the token. */
  const elsewhere = async (login: string, password: string, userAgent: string): Promise<string> => {
    const r = await desk.ts.request('POST', '/api/v1/session', { body: { login, password }, headers: { 'user-agent': userAgent } });
    expect(r.status).toBe(200);
    return r.body.token as string;
  };
  const openSettings = async (login: string) => {
    const user = userEvent.setup();
    renderConsole(await desk.signedIn(login));
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    return { user, dialog: await screen.findByRole('dialog', { name: 'Settings' }) };
  };

  it('a wrong current password is refused in words; the right one changes it and signs out my other sessions', async () => {
    const other = await elsewhere('maria', 'demo', FIREFOX);
    const { user, dialog } = await openSettings('maria');
    const form = within(dialog).getByRole('form', { name: 'Change password' });
    expect(within(form).getByText('At least 10 characters, and not your login.')).toBeTruthy();
    // Sent against the rule anyway: the service refuses, said as the rule says it.
    await user.type(within(form).getByLabelText('Current password'), 'demo');
    await user.type(within(form).getByLabelText('New password'), 'short');
    await user.type(within(form).getByLabelText('New password again'), 'short');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The password must be at least 10 characters.');
    for (const field of ['Current password', 'New password', 'New password again']) await user.clear(within(form).getByLabelText(field));

    await user.type(within(form).getByLabelText('Current password'), 'not-my-password');
    await user.type(within(form).getByLabelText('New password'), 'lviv-autumn-2026');
    await user.type(within(form).getByLabelText('New password again'), 'lviv-autumn-2026');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The current password is wrong; nothing was changed.');
    expect((await desk.ts.request('POST', '/api/v1/session', { body: { login: 'maria', password: 'demo' } })).status).toBe(200);

    await user.clear(within(form).getByLabelText('Current password'));
    await user.type(within(form).getByLabelText('Current password'), 'demo');
    await user.type(within(form).getByLabelText('New password'), 'x');
    await user.clear(within(form).getByLabelText('New password'));
    await user.type(within(form).getByLabelText('New password'), 'lviv-autumn-2026');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    // Two other sessions: Firefox above and the check just made.
    expect((await within(form).findByRole('status')).textContent).toBe('Your password is changed. 2 other sessions were signed out.');
    expect((await desk.ts.request('GET', '/api/v1/session', { token: other })).status).toBe(401);
    expect((await desk.ts.request('POST', '/api/v1/session', { body: { login: 'maria', password: 'lviv-autumn-2026' } })).status).toBe(200);
    // This console goes on.
    expect(screen.getByRole('grid', { name: 'Queue' })).toBeTruthy();
  });

  it('lists my other sessions by browser and time, ends one, then all of them', async () => {
    const firefox = await elsewhere('ivan', 'demo', FIREFOX);
    const edge = await elsewhere('ivan', 'demo', EDGE);
    const { user, dialog } = await openSettings('ivan');
    const sessions = within(dialog).getByRole('region', { name: 'Other sessions' });
    const firefoxLine = await within(sessions).findByRole('listitem', { name: 'Firefox, Linux' });
    expect(firefoxLine.textContent).toMatch(/^Firefox, Linux signed in \d+ \w+ 2026, \d\d:\d\d/);
    expect(within(sessions).getByRole('listitem', { name: 'Edge, Windows' })).toBeTruthy();
    await user.click(within(firefoxLine).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(within(sessions).queryByRole('listitem', { name: 'Firefox, Linux' })).toBeNull());
    expect((await desk.ts.request('GET', '/api/v1/session', { token: firefox })).status).toBe(401);
    expect((await desk.ts.request('GET', '/api/v1/session', { token: edge })).status).toBe(200);

    await user.click(within(sessions).getByRole('button', { name: 'Sign out all other sessions' }));
    expect(await within(sessions).findByText('You are signed in nowhere else.')).toBeTruthy();
    expect((await desk.ts.request('GET', '/api/v1/session', { token: edge })).status).toBe(401);
    expect(screen.getByRole('grid', { name: 'Queue' })).toBeTruthy();
  });
});
