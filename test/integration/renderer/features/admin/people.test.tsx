// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { memoryStorage, renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { openAdministration, rowsOf } from './admin-setup.ts';

setUpRendererTests();

describe('people in the administration screen', () => {
  const desk = useDesk();

  it('an admin creates an agent and is shown the temporary password once; the agent must choose a password, then sees the queue', async () => {
    const { user, dialog, view } = await openAdministration(await desk.signedIn('admin'));
    await user.click(within(dialog).getByRole('button', { name: 'New agent' }));
    const form = within(dialog).getByRole('form', { name: 'New agent' });
    await user.type(within(form).getByRole('textbox', { name: /^Login/ }), 'nadia.bondar');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Nadia Bondar');
    await user.click(within(form).getByRole('checkbox', { name: 'L1 support' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Language' }), 'Українська');
    await user.click(within(form).getByRole('button', { name: 'Create agent' }));

    const shown = await within(dialog).findByRole('region', { name: 'Temporary password for Nadia Bondar' });
    const password = (within(shown).getByRole('textbox', { name: 'Temporary password' }) as HTMLInputElement).value;
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(shown.textContent).toContain('Give this password to the person; they must change it when they first sign in. It is shown only now.');
    await user.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(password);
    expect(within(shown).getByRole('status').textContent).toBe('Copied.');
    const table = within(dialog).getByRole('table', { name: 'Agents' });
    await waitFor(() => expect(rowsOf(table)).toContainEqual(['Nadia Bondar', 'nadia.bondar', 'Agent', 'L1 support', 'Active · temporary password', 'Edit Reset password Deactivate']));
    // Done forgets it: nothing shows it again.
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(within(dialog).queryByRole('region', { name: 'Temporary password for Nadia Bondar' })).toBeNull();
    expect(within(dialog).queryByDisplayValue(password)).toBeNull();
    view.unmount();

    // Nadia signs in on another console with the temporary password: only "Choose your password".
    const nadia = userEvent.setup();
    renderConsole(desk.bridge({ storage: memoryStorage() }));
    await nadia.type(await screen.findByRole('textbox', { name: 'Login' }), 'nadia.bondar');
    await nadia.type(screen.getByLabelText('Password'), password);
    await nadia.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Choose your password' })).toBeTruthy();
    expect(screen.queryByRole('grid', { name: 'Queue' })).toBeNull();
    const choose = screen.getByRole('form', { name: 'Change password' });
    // The rule shows as she types.
    const next = within(choose).getByLabelText('New password');
    await nadia.type(next, 'short');
    expect(within(choose).getByText('The password must be at least 10 characters.')).toBeTruthy();
    await nadia.clear(next);
    await nadia.type(next, 'Nadia.Bondar');
    expect(within(choose).getByText('The password must not be the login.')).toBeTruthy();
    await nadia.clear(next);
    await nadia.type(next, 'kyiv-spring-2026');
    expect(within(choose).getByText('This password follows the rule.')).toBeTruthy();
    await nadia.type(within(choose).getByLabelText('Temporary password'), password);
    await nadia.type(within(choose).getByLabelText('New password again'), 'kyiv-spring-2027');
    await nadia.click(within(choose).getByRole('button', { name: 'Change password' }));
    expect(within(choose).getByRole('alert').textContent).toBe('The two new passwords differ.');
    await nadia.clear(within(choose).getByLabelText('New password again'));
    await nadia.type(within(choose).getByLabelText('New password again'), 'kyiv-spring-2026');
    await nadia.click(within(choose).getByRole('button', { name: 'Change password' }));
    // Then the console opens as usual, and her new password signs in.
    expect(await screen.findByRole('grid', { name: 'Queue' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Choose your password' })).toBeNull();
    const again = await desk.ts.request('POST', '/api/v1/session', { body: { login: 'nadia.bondar', password: 'kyiv-spring-2026' } });
    expect([again.status, again.body.mustChangePassword]).toEqual([200, false]);
  });

  it('a deactivated agent\'s console is signed out by itself; the last active admin stays, said in words', async () => {
    // Boris works in another console (its own storage), online.
    const boris = desk.bridge({ storage: memoryStorage() });
    const signedOut = new Promise<void>((resolve) => boris.on('session:changed', (s) => s === null && resolve()));
    const online = new Promise<void>((resolve) => boris.on('connection:changed', (c) => c.status === 'online' && resolve()));
    await boris.invoke('session:login', { login: 'boris', password: 'demo' });
    await online;

    const { user, dialog, view } = await openAdministration(await desk.signedIn('admin'));
    const table = await within(dialog).findByRole('table', { name: 'Agents' });
    const row = within(table).getByRole('row', { name: 'Boris Ivanov' });
    await user.click(within(row).getByRole('button', { name: 'Deactivate' }));
    const ask = within(row).getByRole('group', { name: /^Deactivate Boris Ivanov\?/ });
    expect(ask.textContent).toContain('They are signed out everywhere and leave the roster from now on; their name stays on history.');
    await user.click(within(ask).getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(within(within(table).getByRole('row', { name: 'Boris Ivanov' })).getByRole('cell', { name: 'Deactivated' })).toBeTruthy());
    expect(within(within(table).getByRole('row', { name: 'Boris Ivanov' })).getByRole('button', { name: 'Reactivate' })).toBeTruthy();
    // His console learns it without him doing anything.
    await signedOut;

    // The only admin can be neither deactivated nor demoted.
    const adminRow = within(table).getByRole('row', { name: 'Administrator' });
    await user.click(within(adminRow).getByRole('button', { name: 'Deactivate' }));
    await user.click(within(adminRow).getByRole('button', { name: 'Yes' }));
    const refusal = 'Administrator is the last active administrator, so they stay an active administrator. Make someone else an administrator first.';
    expect((await within(dialog).findByRole('alert')).textContent).toBe(refusal);
    await user.click(within(adminRow).getByRole('button', { name: 'Edit' }));
    const edit = within(dialog).getByRole('form', { name: 'Edit Administrator' });
    await user.selectOptions(within(edit).getByRole('combobox', { name: 'Role' }), 'Manager');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(refusal);
    expect(rowsOf(table).find((r) => r[0] === 'Administrator')?.slice(2, 5)).toEqual(['Administrator', '—', 'Active']);
    view.unmount();

    // Boris's console shows the sign-in screen; his password no longer opens a session.
    renderConsole(boris);
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
    const login = await desk.ts.request('POST', '/api/v1/session', { body: { login: 'boris', password: 'demo' } });
    expect(login.status).toBe(401);
  });

  it('a reset gives a new temporary password, shown once; a console opened with it asks for a new one first', async () => {
    const { user, dialog, view } = await openAdministration(await desk.signedIn('admin'));
    const row = within(await within(dialog).findByRole('table', { name: 'Agents' })).getByRole('row', { name: 'Olga Shevchenko' });
    await user.click(within(row).getByRole('button', { name: 'Reset password' }));
    await user.click(within(row).getByRole('button', { name: 'Yes' }));
    const shown = await within(dialog).findByRole('region', { name: 'Temporary password for Olga Shevchenko' });
    const password = (within(shown).getByRole('textbox', { name: 'Temporary password' }) as HTMLInputElement).value;
    const old = await desk.ts.request('POST', '/api/v1/session', { body: { login: 'olga', password: 'demo' } });
    expect(old.status).toBe(401);
    const fresh = await desk.ts.request('POST', '/api/v1/session', { body: { login: 'olga', password } });
    expect([fresh.status, fresh.body.mustChangePassword]).toEqual([200, true]);
    view.unmount();
    // Olga signed in with it, then opens the console again (the session as the service tells it).
    const olga = desk.bridge({ storage: memoryStorage() });
    await olga.invoke('session:login', { login: 'olga', password });
    renderConsole(olga);
    expect(await screen.findByRole('heading', { name: 'Choose your password' })).toBeTruthy();
    expect(screen.getByText(`Olga Shevchenko, you signed in as olga with a temporary password. Choose your own to open the console.`)).toBeTruthy();
    expect(screen.queryByRole('grid', { name: 'Queue' })).toBeNull();
  });

  it('managers read people without write controls; agents have no Administration at all', async () => {
    const { dialog, view } = await openAdministration(await desk.signedIn('sofia'));
    expect(within(dialog).getByText('You can read this; only administrators change people and clients.')).toBeTruthy();
    const table = await within(dialog).findByRole('table', { name: 'Agents' });
    expect(rowsOf(table)).toContainEqual(['Sofia Tkachenko', 'sofia', 'Manager', 'Escalation desk', 'Active']);
    expect(within(dialog).queryByRole('button', { name: 'New agent' })).toBeNull();
    expect(within(table).queryByRole('button')).toBeNull();
    expect(within(dialog).queryByRole('tab', { name: 'Audit log' })).toBeNull();
    view.unmount();
    renderConsole(await desk.signedIn('anna'));
    await screen.findByRole('grid', { name: 'Queue' });
    expect(screen.queryByRole('button', { name: 'Administration' })).toBeNull();
  });
});
