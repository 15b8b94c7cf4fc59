import { expect, test } from '@playwright/test';
import { api, token } from './support/api.ts';

/**
 * Issue 13's proof in the browser: a burst of 50 new tickets reaches an open console as events,
 * and the console places every row where the service's order puts it without asking for a list
 * again (GET /api/v1/queue, or the old GET /api/v1/tickets list).
 */
test('a burst of 50 tickets appears in the open queue, in the service order, with no list request', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^anna\b/ }).click();
  const grid = page.getByRole('grid', { name: 'Queue' });
  await expect(grid.getByRole('gridcell').first()).toBeVisible();
  await expect(page.getByLabel('Connection: Online')).toBeVisible();
  const counted = async () => Number((await page.getByText(/^\d+ tickets?$/).textContent())?.replace(/\D/g, ''));
  const before = await counted();

  const lists: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/v1/queue' || (url.pathname === '/api/v1/tickets' && r.method() === 'GET')) lists.push(url.pathname + url.search);
  });
  const customers = await Promise.all(['alpha.user', 'beta.user', 'gamma.user'].map((login) => token(request, login)));
  const filed = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', customers[i % 3] as string, { kind: i % 5 === 0 ? 'question' : 'problem', subject: `Burst ${i}: lines silent`, body: 'No calls since a minute ago.' }),
    ),
  );
  await expect.poll(counted).toBe(before + 50);

  // The rows on screen are the first rows of a fresh read of the view, in its order.
  const anna = await token(request, 'anna');
  const fresh = await api<{ tickets: { id: number }[] }>(request, 'get', '/api/v1/queue?view=tier&limit=40', anna);
  const shown = await grid.locator('.queue-body [role="row"]').evaluateAll((rows) =>
    rows.map((r) => ({ index: Number(r.getAttribute('aria-rowindex')), id: Number(r.id.replace('queue-row-', '')) })).sort((a, b) => a.index - b.index).map((r) => r.id),
  );
  expect(shown.length).toBeGreaterThan(10);
  expect(shown).toEqual(fresh.tickets.slice(0, shown.length).map((t) => t.id));
  expect(lists).toEqual([]);
  // The listener does hear list requests: a search is one (the service matches text its own way).
  await page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill('Burst 7');
  await expect.poll(() => lists.some((l) => l.startsWith('/api/v1/queue?') && l.includes('q=Burst'))).toBe(true);

  // The other specs share this demo service: the burst leaves the queue as it found it.
  for (const { ticket } of filed) await api(request, 'post', `/api/v1/tickets/${ticket.id}/resolve`, anna, { withoutReply: true });
});
