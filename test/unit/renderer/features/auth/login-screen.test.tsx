// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeBridge, renderConsole } from '../../../../support/fake-bridge.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

describe('LoginScreen', () => {
  it('lists the demo agents and signs in with one click', async () => {
    const bridge = createFakeBridge([{ id: 1, subject: 'Calls drop', createdAt: Date.now() }]);
    bridge.appInfo = { ...bridge.appInfo, demoLogins: [
      { login: 'anna', name: 'Anna Kovalenko', role: 'agent', tiers: ['l1'] },
      { login: 'alpha.user', name: 'Customer', role: 'customer', tiers: [] },
    ] };
    renderConsole(bridge);
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in as alpha.user' })).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in as anna' }));
    expect(await screen.findByRole('grid', { name: 'Queue' })).toBeTruthy();
    expect(screen.getByText('Signed in as Anna Kovalenko')).toBeTruthy();
  });

  it('shows the service\'s refusal next to the form, and offers no demo logins without demo data', async () => {
    renderConsole(createFakeBridge([]));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Login' }), 'anna');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('wrong login or password');
    expect(screen.queryByRole('region', { name: /Demo accounts/ })).toBeNull();
  });

  it('signs out back to the login screen', async () => {
    const bridge = createFakeBridge([]);
    bridge.signIn({ kind: 'agent', id: 1, login: 'anna', name: 'Anna Kovalenko', role: 'agent', tiers: ['l1'], language: 'uk' });
    renderConsole(bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
  });
});
