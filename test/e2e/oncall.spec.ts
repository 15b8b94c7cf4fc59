import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, token } from './support/api.ts';

/**
 * Issue 8's proof, in browser mode against the real ticket service on its own demo clock (02:00 on
 * a Saturday in Kyiv, a one-minute ack timeout: playwright.config.ts, project "oncall"). boris is
 * primary and olga secondary in the demo roster. A customer escalates; boris's console is paged and
 * he does not answer; a minute of the service's clock later olga is paged, acknowledges from the
 * ticket, both consoles show it, and resolving the ticket closes the page.
 */
test.setTimeout(150_000);

interface Recorded { readonly title: string; readonly options: { readonly body?: string; readonly requireInteraction?: boolean; readonly tag?: string } }
interface PageRow { readonly id: number; readonly ticketId: number; readonly state: string; readonly level: string; readonly paged: number[] }

/** A console in a context of its own, whose Web Notifications are recorded (permission granted). */
async function console_(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __notifications: unknown[]; __notificationObjects: unknown[] };
    w.__notifications = [];
    w.__notificationObjects = [];
    class Recorder {
      static readonly permission = 'granted';
      static requestPermission(): Promise<string> {
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: object = {}) {
        w.__notifications.push({ title, options });
        w.__notificationObjects.push(this);
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', { value: Recorder, configurable: true, writable: true });
  });
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(`^${login}\\b`) }).click();
  await expect(page.getByLabel('Connection: Online')).toBeVisible();
  return page;
}

const notifications = (page: Page): Promise<Recorded[]> => page.evaluate(() => (window as unknown as { __notifications: Recorded[] }).__notifications);
const workspace = (page: Page, id: number) => page.getByRole('region', { name: `Ticket #${id}` });
const row = (page: Page, id: number) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: `#${id}`, exact: true }) });

test('after hours an escalation pages boris, climbs to olga unanswered, she acknowledges, and resolving closes it', async ({ browser, request }) => {
  const boris = await console_(browser, 'boris');
  const errors: string[] = [];
  boris.on('pageerror', (e) => errors.push(e.message));

  // On-call mode: the banner names the shift, the queue narrows to what must be handled now.
  const banner = boris.getByRole('region', { name: 'On call' });
  await expect(banner).toContainText('Boris Ivanov (primary), Olga Shevchenko (secondary)');
  await expect(boris.getByRole('grid', { name: 'To handle now' })).toBeVisible();

  // A customer escalates a fresh ticket through the API: after hours, so it pages the primary.
  const alpha = await token(request, 'alpha.user');
  const id = (await api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', alpha, { kind: 'problem', subject: 'E2E: night outage of the autodialer', body: 'Nothing dials.' })).ticket.id;
  await api(request, 'post', `/api/v1/tickets/${id}/escalate`, alpha, { justification: 'Every campaign has stopped dialing in the middle of the night.' });
  const sofia = await token(request, 'sofia');
  const pageOf = async (): Promise<PageRow | undefined> => (await api<{ pages: PageRow[] }>(request, 'get', '/api/v1/pages?state=all', sofia)).pages.find((p) => p.ticketId === id);
  expect(await pageOf()).toMatchObject({ state: 'open', level: 'primary' });

  // boris's console: an urgent Web Notification for the page, and the ticket in his narrowed queue.
  const title = `Page: #${id} needs you now`;
  await expect.poll(async () => (await notifications(boris)).filter((n) => n.title === title)).toEqual([
    { title, options: expect.objectContaining({ body: 'E2E: night outage of the autodialer', requireInteraction: true, silent: false }) as unknown },
  ]);
  await expect(row(boris, id)).toBeVisible();
  // Clicking the notification opens the ticket with Acknowledge in front; he does not press it.
  await boris.evaluate((t) => {
    const w = window as unknown as { __notifications: Recorded[]; __notificationObjects: { onclick: (() => void) | null }[] };
    w.__notificationObjects[w.__notifications.findIndex((n) => n.title === t)]?.onclick?.();
  }, title);
  const borisToolbar = workspace(boris, id).getByRole('toolbar', { name: 'Actions' });
  await expect(borisToolbar.getByRole('button').first()).toHaveAccessibleName('Acknowledge');

  // olga signs in meanwhile: the page is not hers yet, so nothing is notified to her.
  const olga = await console_(browser, 'olga');
  olga.on('pageerror', (e) => errors.push(e.message));
  await expect(olga.getByRole('region', { name: 'On call' })).toBeVisible();
  expect((await notifications(olga)).filter((n) => n.title === title)).toEqual([]);

  // Unacknowledged for the ack timeout (one minute of the service's clock): the secondary is paged.
  await expect.poll(async () => (await notifications(olga)).filter((n) => n.title === title).length, { timeout: 100_000, intervals: [2_000] }).toBe(1);
  expect(await pageOf()).toMatchObject({ state: 'open', level: 'secondary' });

  // She acknowledges from the ticket: Acknowledge is first in its toolbar.
  await row(olga, id).click();
  const olgaToolbar = workspace(olga, id).getByRole('toolbar', { name: 'Actions' });
  const acknowledge = olgaToolbar.getByRole('button').first();
  await expect(acknowledge).toHaveAccessibleName('Acknowledge');
  await acknowledge.click();

  // Both consoles show it acknowledged, live.
  await expect(olgaToolbar.getByText(/Acknowledged by Olga Shevchenko at/)).toBeVisible();
  await expect(borisToolbar.getByText(/Acknowledged by Olga Shevchenko at/)).toBeVisible();
  await expect(borisToolbar.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  expect(await pageOf()).toMatchObject({ state: 'acknowledged' });

  // olga is on call, so she may resolve the escalated ticket whatever her tier; that closes the page.
  await olgaToolbar.getByRole('button', { name: /^Resolve/ }).click();
  const resolveDialog = olga.getByRole('dialog', { name: /^Resolve ticket/ });
  await resolveDialog.getByRole('textbox', { name: 'Closing reply to the customer' }).fill('The carrier fixed the trunk; calls go through again.');
  await resolveDialog.getByRole('button', { name: 'Resolve' }).click();
  // Held for the undo window, then sent.
  await expect.poll(async () => (await pageOf())?.state, { timeout: 20_000 }).toBe('closed');
  await expect(borisToolbar.getByText(/Acknowledged by/)).toHaveCount(0);
  await expect(olgaToolbar.getByText(/Acknowledged by/)).toHaveCount(0);
  expect(errors).toEqual([]);
});
