// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../../../renderer/app-shell.tsx';
import { OnDemand } from '../../../../renderer/components/on-demand.tsx';
import { useDesk } from '../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../support/renderer-setup.ts';

setUpRendererTests();

// A screen whose code is still on its way (React.lazy whose import has not answered yet).
const Arriving = lazy(() => new Promise<{ default: () => null }>(() => undefined));
const Arrived = lazy(() => Promise.resolve({ default: () => <h2>Roster</h2> }));

describe('OnDemand (a screen that loads when first opened)', () => {
  const desk = useDesk();

  it('says "Loading…" as a status while the code arrives, in the console\'s language', async () => {
    const bridge = await desk.signedIn('anna');
    await bridge.invoke('settings:set', { language: 'uk' });
    render(
      <AppProviders bridge={bridge}>
        <OnDemand>
          <Arriving />
        </OnDemand>
      </AppProviders>,
    );
    expect((await screen.findByText('Завантаження…')).getAttribute('role')).toBe('status');
  });

  it('shows the screen once it has arrived, and no status', async () => {
    render(
      <AppProviders bridge={await desk.signedIn('anna')}>
        <OnDemand>
          <Arrived />
        </OnDemand>
      </AppProviders>,
    );
    expect(await screen.findByRole('heading', { name: 'Roster' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
