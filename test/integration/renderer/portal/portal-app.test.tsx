// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
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
});
