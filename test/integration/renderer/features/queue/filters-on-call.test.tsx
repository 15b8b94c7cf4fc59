// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderConsole, useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { SATURDAY_3AM } from '../../../../support/clock.ts';
import { at, minutes } from '../../../../support/time.ts';
import { setRoster } from '../oncall/roster-setup.ts';

setUpRendererTests();

describe('saved filters in on-call mode', () => {
  const desk = useDesk({ start: SATURDAY_3AM });
  let escalated = 0;
  beforeAll(async () => {
    await setRoster(desk);
    const friday = at('2026-11-27 16:00');
    escalated = await desk.file({ subject: 'All inbound lines are down', at: friday + minutes(5) });
    await desk.act('alpha.user', `/api/v1/tickets/${escalated}/escalate`, { justification: 'our call centre cannot take any calls right now' }, friday + minutes(10));
  });

  it('never hide what must be handled now: the filters wait (shown, disabled) as the views do', async () => {
    desk.clock.set(SATURDAY_3AM);
    vi.useFakeTimers({ now: SATURDAY_3AM, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const bridge = await desk.signedIn('anna');
    const anna = String(desk.ts.people.users.get('anna'));
    // Her saved lens from the day: questions of another client only.
    await bridge.invoke('settings:set', { queueLens: { [anna]: { sort: null, filters: { kind: 'question', clientId: 99 } } } });
    renderConsole(bridge);
    const grid = await screen.findByRole('grid', { name: 'To handle now' });
    await within(grid).findByText(`#${escalated}`);
    const kind = screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement;
    expect(kind.value).toBe('question');
    expect(kind.disabled).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Client' }) as HTMLSelectElement).value).toBe('99');
    expect(screen.getByRole('option', { name: '#99 (not in this view)' })).toBeTruthy();
    expect(screen.getByText('1 ticket')).toBeTruthy();
  });
});
