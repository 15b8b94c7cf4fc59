// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../../renderer/errors/error-boundary.tsx';
import { rootErrorOptions } from '../../../../renderer/errors/report.ts';

function Broken(): never {
  throw new Error('broken row');
}

/** Renders `ui` in a real React root with the console's error options; returns what was logged. */
function renderLogged(ui: React.ReactNode) {
  const logged: { message: string; error: unknown; stack: string | undefined }[] = [];
  const container = document.createElement('div');
  const root = createRoot(container, rootErrorOptions((message, error, stack) => logged.push({ message, error, stack })));
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  act(() => root.render(ui));
  return { logged, container, unmount: () => act(() => root.unmount()) };
}

describe('render errors are logged by the root', () => {
  it('caught by a boundary: logged once, with the component stack, and the fallback shows', () => {
    const { logged, container, unmount } = renderLogged(
      <ErrorBoundary fallback={({ error }) => <p role="alert">{error.message}</p>}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(container.textContent).toBe('broken row');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ message: 'DutyDesk: caught render error', error: expect.objectContaining({ message: 'broken row' }) });
    expect(logged[0]?.stack).toContain('Broken');
    unmount();
  });

  it('not caught: logged as uncaught', async () => {
    // Outside act(), as in the app: React hands what no boundary caught to onUncaughtError.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const logged: string[] = [];
    const root = createRoot(document.createElement('div'), rootErrorOptions((message) => logged.push(message)));
    root.render(<Broken />);
    await vi.waitFor(() => expect(logged).toEqual(['DutyDesk: uncaught render error']));
    root.unmount();
  });
});
