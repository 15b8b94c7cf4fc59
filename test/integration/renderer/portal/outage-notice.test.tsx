// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTAGE_POLL_MS } from '../../../../renderer/portal/outage/outage-notice.tsx';
import { useDesk } from '../../../support/real-console.tsx';
import { advance, renderPortal, timeIs, useCleanHash } from '../../../support/real-portal.tsx';
import { setUpRendererTests } from '../../../support/renderer-setup.ts';
import { at } from '../../../support/time.ts';

setUpRendererTests();
useCleanHash();
const monday = at('2026-11-30 10:00');

describe('the outage notice (customers see their group\'s open outages)', () => {
  const desk = useDesk({ start: monday });
  const notice = () => screen.queryByRole('region', { name: 'Service outage' });
  /** Restores every open outage, so each test starts without one. */
  afterEach(async () => {
    const open = await desk.ts.request('GET', '/api/v1/outages?state=open', { token: await desk.ts.login('anna') });
    for (const o of open.body.outages as { id: number }[]) await desk.act('anna', `/api/v1/outages/${o.id}/restore`);
  });

  it('appears at once when the customer\'s own ticket is linked to an outage: group, start, reports', async () => {
    timeIs(desk, monday);
    const ticket = await desk.file({ customer: 'gamma.user', subject: 'No inbound calls at all', at: at('2026-11-30 09:52') });
    renderPortal(await desk.signedIn('gamma.user'));
    await screen.findByRole('list', { name: 'Open tickets' });
    expect(notice()).toBeNull();
    await desk.act('anna', '/api/v1/outages', { groups: ['inbound'], summary: 'SIP trunk down (internal words)', ticketId: ticket });
    const shown = await screen.findByRole('region', { name: 'Service outage' });
    expect(within(shown).getByRole('listitem').textContent).toBe(
      'Outage: Inbound call processing has been down since Mon 30 Nov 09:52 (8 minutes). Support is working on it; 1 report so far.',
    );
    // Never the agents' summary.
    expect(shown.textContent).not.toContain('SIP trunk');
  });

  it('reaches a customer of the same group with no linked ticket within a minute, in their language', async () => {
    timeIs(desk, monday);
    const gammas = await desk.file({ customer: 'gamma.user', subject: 'Inbound queue silent', at: at('2026-11-30 09:55') });
    renderPortal(await desk.signedIn('beta.user'));
    await screen.findByText('У вас поки немає заявок.', { exact: false });
    await desk.act('anna', '/api/v1/outages', { groups: ['inbound'], summary: 'Inbound down', ticketId: gammas });
    expect(notice()).toBeNull();
    advance(desk, OUTAGE_POLL_MS);
    const shown = await screen.findByRole('region', { name: 'Аварія сервісу' });
    expect(shown.textContent).toContain('з пн 30 лист. 09:55');
  });
});
