// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDesk } from '../../../support/real-console.tsx';
import { renderPortal, useCleanHash } from '../../../support/real-portal.tsx';
import { setUpRendererTests } from '../../../support/renderer-setup.ts';
import { at } from '../../../support/time.ts';

setUpRendererTests();
useCleanHash();
const monday = at('2026-11-30 10:00');
beforeEach(() => void vi.useFakeTimers({ now: monday, toFake: ['Date'] }));

describe('the portal and support\'s internal fields', () => {
  const desk = useDesk({ start: monday });

  it('shows a routed ticket with an internal target running: no routing reason, no internal target, in the list or the ticket', async () => {
    const put = await desk.ts.request('PUT', '/api/v1/ola/targets', { token: await desk.ts.login('admin'), body: { targets: { l1: null, 'l2-analysts': 240, 'l2-methodologists': 240, l3: 480, l4: 960 } } });
    expect(put.status).toBe(200);
    const id = await desk.file({ customer: 'gamma.user', kind: 'bug', subject: 'Reports are empty', at: at('2026-11-30 09:40') });
    await desk.act('anna', `/api/v1/tickets/${id}/route`, { tier: 'l2-analysts', reason: 'secret: their trunk is on the old firmware' }, at('2026-11-30 09:45'));
    // Support sees both; the customer's API answers carry neither.
    const agents = (await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login('olga') })).body.ticket;
    expect(agents.routedFrom).not.toBeNull();
    expect(agents.ola).not.toBeNull();
    const customers = (await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login('gamma.user') })).body.ticket;
    expect({ routedFrom: customers.routedFrom, ola: customers.ola }).toEqual({ routedFrom: null, ola: null });

    const bridge = await desk.signedIn('gamma.user');
    renderPortal(bridge, { hash: '#/tickets' });
    await screen.findByText('Reports are empty');
    const forbidden = [/old firmware/, /OLA/, /[Ii]nternal target/, /Routed/];
    for (const word of forbidden) expect(document.body.textContent).not.toMatch(word);
    renderPortal(bridge, { hash: `#/tickets/${id}` });
    await screen.findByRole('article', { name: `#${id} Reports are empty` });
    for (const word of forbidden) expect(document.body.textContent).not.toMatch(word);
  });
});
