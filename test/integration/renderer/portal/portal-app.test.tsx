// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useDesk } from '../../../support/real-console.tsx';
import { renderPortal, testHost, useCleanHash } from '../../../support/real-portal.tsx';
import { setUpRendererTests } from '../../../support/renderer-setup.ts';

setUpRendererTests();
useCleanHash();

describe('the portal\'s session gate', () => {
  const desk = useDesk({ demo: true });

  it('sends an agent who signs in at the portal to the console', async () => {
    const { host } = renderPortal(desk.bridge());
    // The support clock is on the sign-in page too (R9).
    expect(within(await screen.findByRole('region', { name: 'Support clock' })).getByRole('status').textContent).toMatch(/^(Working hours|Closed, opens .+)$/);
    await userEvent.type(await screen.findByLabelText('Login'), 'anna');
    await userEvent.type(screen.getByLabelText('Password'), 'demo');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(host.went).toEqual(['/']));
    // In anna's own language (Ukrainian) while the browser leaves.
    expect(screen.getByText('Співробітники підтримки працюють у консолі: відкриваємо її…')).toBeTruthy();
  });

  it('speaks the browser\'s language before sign-in (Russian), and the customer\'s own after (Ukrainian)', async () => {
    renderPortal(desk.bridge(), { host: testHost(['ru-RU', 'en']) });
    expect(await screen.findByRole('heading', { name: 'Вход в портал поддержки' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
    await userEvent.type(screen.getByLabelText('Логин'), 'beta.user');
    await userEvent.type(screen.getByLabelText('Пароль'), 'demo');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('uk'));
  });

  it('makes a customer holding a temporary password choose their own first, then opens the portal', async () => {
    const gamma = desk.ts.people.clients.get('Gamma') ?? 0;
    const created = await desk.ts.request('POST', `/api/v1/admin/clients/${gamma}/customers`, { token: await desk.ts.login('admin'), body: { login: 'gamma.new', name: 'Grace New' } });
    expect(created.status).toBe(201);
    const temporary = created.body.temporaryPassword as string;
    renderPortal(desk.bridge());
    await userEvent.type(await screen.findByLabelText('Login'), 'gamma.new');
    await userEvent.type(screen.getByLabelText('Password'), temporary);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Choose your password' })).toBeTruthy();
    expect(screen.getByText('Grace New, you signed in as gamma.new with a temporary password. Choose your own to open the support portal.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Open tickets' })).toBeNull();
    await userEvent.type(screen.getByLabelText('Temporary password'), temporary);
    await userEvent.type(screen.getByLabelText('New password'), 'grace-portal-2026');
    await userEvent.type(screen.getByLabelText('New password again'), 'grace-portal-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your tickets' })).toBeTruthy();
    expect(screen.getByText('Signed in as Grace New')).toBeTruthy();
  });
});
