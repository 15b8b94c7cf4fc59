// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../../shared/i18n/index.ts';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';

setUpRendererTests();

describe('LoginScreen, service with demo data', () => {
  const desk = useDesk({ demo: true });

  it('lists the demo agents (not the customers) and signs in with one click', async () => {
    renderConsole(desk.bridge());
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
    await screen.findByRole('button', { name: /^anna\b/ });
    expect(screen.queryByRole('button', { name: /^alpha\.user/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /^anna\b/ }));
    expect(await screen.findByRole('grid', { name: 'Queue' })).toBeTruthy();
    expect(screen.getByText('Signed in as Anna Kovalenko')).toBeTruthy();
  });
});

describe('LoginScreen before anyone signs in, in the browser\'s language', () => {
  const desk = useDesk({ demo: true });

  it('speaks Ukrainian to a Ukrainian browser and names tiers and roles in words', async () => {
    renderConsole(desk.bridge({ languages: ['uk-UA', 'en'] }));
    expect(await screen.findByRole('heading', { name: translate('uk', 'login.title') })).toBeTruthy();
    const anna = await screen.findByRole('button', { name: /^anna\b/ });
    expect(anna.textContent).toContain(`· ${translate('uk', 'tier.l1')}`);
    expect((await screen.findByRole('button', { name: /^admin\b/ })).textContent).toContain(`· ${translate('uk', 'role.admin')}`);
    expect(screen.getByRole('button', { name: translate('uk', 'login.submit') })).toBeTruthy();
  });
});

describe('LoginScreen, service without demo data', () => {
  const desk = useDesk();

  it('shows the service\'s refusal next to the form, and offers no demo logins', async () => {
    renderConsole(desk.bridge());
    await userEvent.type(await screen.findByRole('textbox', { name: 'Login' }), 'anna');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('wrong login or password');
    expect(screen.queryByRole('region', { name: /Demo accounts/ })).toBeNull();
  });

  it('signs out back to the login screen, and the token is refused by the service afterwards', async () => {
    const bridge = await desk.signedIn('anna');
    const token = localStorage.getItem('dutydesk.token');
    renderConsole(bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to DutyDesk' })).toBeTruthy();
    expect((await desk.ts.request('GET', '/api/v1/session', { token: token ?? '' })).status).toBe(401);
  });
});
