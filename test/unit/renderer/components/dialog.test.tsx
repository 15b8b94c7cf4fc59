// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../../renderer/components/dialog.tsx';

afterEach(cleanup);

function page(onClose = vi.fn()) {
  render(
    <>
      <button type="button">Behind</button>
      <Dialog title="Route ticket #7" onClose={onClose} closeLabel="Close">
        <label>
          Reason
          <input />
        </label>
        <button type="submit">Route</button>
      </Dialog>
    </>,
  );
  return onClose;
}

describe('Dialog', () => {
  it('is a labelled modal that takes focus', () => {
    page();
    expect(screen.getByRole('dialog', { name: 'Route ticket #7' }).getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reason' }));
  });

  it('keeps Tab and Shift+Tab inside, never reaching the page behind', async () => {
    page();
    const visited = new Set<string>();
    for (let i = 0; i < 6; i++) {
      await userEvent.tab();
      visited.add((document.activeElement as HTMLElement).textContent || (document.activeElement as HTMLElement).tagName);
    }
    for (let i = 0; i < 6; i++) {
      await userEvent.tab({ shift: true });
      visited.add((document.activeElement as HTMLElement).textContent || (document.activeElement as HTMLElement).tagName);
    }
    expect(visited.has('Behind')).toBe(false);
    expect(visited).toEqual(new Set(['×', 'INPUT', 'Route']));
  });

  it('asks to close on Escape', async () => {
    const onClose = page();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });
});
