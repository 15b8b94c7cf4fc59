/** Opening the administration screen in a real console, and reading its tables. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import type { Bridge } from '../../../../../shared/ipc/bridge.ts';
import { renderConsole } from '../../../../support/real-console.tsx';

/** Renders the console over `bridge`, opens Administration from the header and shows `tab`. */
export async function openAdministration(bridge: Bridge, tab: 'People' | 'Clients' | 'Telegram' | 'Audit log' | 'Internal targets' = 'People') {
  const user = userEvent.setup();
  const view = renderConsole(bridge);
  await user.click(await screen.findByRole('button', { name: 'Administration' }));
  const dialog = await screen.findByRole('dialog', { name: 'Administration' });
  await user.click(within(dialog).getByRole('tab', { name: tab }));
  expect(within(dialog).getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
  return { user, dialog, view };
}

/** The cells of a table's body rows, as text. */
export function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent ?? ''));
}
