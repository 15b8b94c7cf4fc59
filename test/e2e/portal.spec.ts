import { expect, test, type Browser, type Page } from '@playwright/test';
import { translate, type MessageKey } from '../../shared/i18n/index.ts';
import type { MessageParams } from '../../shared/i18n/format.ts';
import type { Language } from '../../shared/model/index.ts';
import { api, token } from './support/api.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * Issue 11's proof, in Chromium against the real ticket service (demo data, a demo clock on a
 * working Wednesday morning, playwright.config.ts): a customer signs in to the portal in their own
 * language, is offered their similar open ticket before filing, files anyway; anna's open console
 * shows the ticket arrive live; she takes it and asks a question, which the portal shows live; the
 * customer answers and the clock restarts in anna's console (R13, R21); the customer escalates,
 * refused without a justification and accepted with one (R12), and anna's console shows that live.
 * Every portal screen passes axe-core without a serious or critical violation, at a phone's width too.
 */

interface Case {
  readonly login: 'alpha.user' | 'beta.user';
  readonly lang: Language;
  /** The word both subjects start with, which anna searches her queue for. */
  readonly tag: string;
  /** An open ticket of the customer's client, and the new one that looks like the same problem. */
  readonly existing: string;
  readonly subject: string;
  readonly body: string;
  readonly question: string;
  readonly answer: string;
  readonly justification: string;
}

const CASES: readonly Case[] = [
  {
    login: 'alpha.user',
    lang: 'ru',
    tag: 'PortalRU',
    existing: 'PortalRU: не работает автодозвон после обновления',
    subject: 'PortalRU: автодозвон не работал всё утро',
    body: 'Кампания «Осень» стоит, операторы без звонков.',
    question: 'Which campaign stops, and since when?',
    answer: 'Кампания «Осень», с 09:40.',
    justification: 'Весь колл-центр стоит: операторы не могут работать без автодозвона.',
  },
  {
    login: 'beta.user',
    lang: 'uk',
    tag: 'PortalUK',
    existing: 'PortalUK: не працює автодзвін після оновлення',
    subject: 'PortalUK: автодзвін не працював усю ніч',
    body: 'Кампанія «Зима» стоїть, оператори без дзвінків.',
    question: 'Which campaign stops, and since when?',
    answer: 'Кампанія «Зима», з 07:10.',
    justification: 'Пряма трансляція не може приймати дзвінки: організація не може працювати.',
  },
];

/** No horizontal scrolling at the page's width. */
async function expectFitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

async function annaConsole(browser: Browser, search: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByRole('button', { name: /^anna\b/ }).click();
  await expect(page.getByRole('grid', { name: 'Queue' })).toBeVisible();
  await expect(page.getByLabel('Connection: Online')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by number, subject or client' }).fill(search);
  return page;
}

const row = (page: Page, number: number) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: `#${number}`, exact: true }) });

for (const c of CASES) {
  test(`${c.login} files, answers and escalates in the portal in ${c.lang}, live with anna's console`, async ({ browser, request }) => {
    const tr = (key: MessageKey, params?: MessageParams): string => translate(c.lang, key, params);
    const customer = await token(request, c.login);
    const existing = (await api<{ ticket: { id: number } }>(request, 'post', '/api/v1/tickets', customer, { kind: 'problem', subject: c.existing, body: 'Звонки не идут.' })).ticket.id;

    // anna's console is open before the customer files: the new ticket must arrive live.
    const anna = await annaConsole(browser, c.tag);
    await expect(row(anna, existing)).toBeVisible();

    // The portal on a phone's width, in the customer's language once signed in.
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const portal = await context.newPage();
    const errors: string[] = [];
    portal.on('pageerror', (e) => errors.push(e.message));
    await portal.goto('/portal');
    await expectAccessible(portal, 'the sign-in');
    await portal.getByRole('button', { name: new RegExp(`^${c.login.replace('.', '\\.')}`) }).click();
    await expect(portal.getByRole('heading', { name: tr('portal.list.title') })).toBeVisible();
    await expect(portal.getByRole('link', { name: new RegExp(c.existing) })).toBeVisible();
    await expect(portal.locator('html')).toHaveAttribute('lang', c.lang);
    // The support team's clock (R9): a working Wednesday morning on the demo clock.
    await expect(portal.getByText(translate(c.lang, 'header.workingTime'))).toBeVisible();
    await expectAccessible(portal, 'the ticket list');
    await expectFitsWidth(portal);

    // A new ticket: each kind says what the SLA promises (R21, R23, R24); the similar open ticket is offered (R15).
    await portal.getByRole('link', { name: tr('portal.nav.new') }).click();
    const problem = portal.getByRole('radio', { name: tr('kind.problem') });
    await expect(problem).toHaveAccessibleDescription(new RegExp(tr('portal.promise.workingMinutes', { count: 20 })));
    await expect(portal.getByRole('radio', { name: tr('kind.question') })).toHaveAccessibleDescription(new RegExp(tr('portal.promise.workingHours', { count: 1 })));
    await problem.check();
    await portal.getByRole('textbox', { name: tr('portal.new.subject') }).fill(c.subject);
    await portal.getByRole('textbox', { name: tr('portal.new.body') }).fill(c.body);
    await expect(portal.getByRole('heading', { name: tr('portal.new.similarTitle') })).toBeVisible();
    await expect(portal.getByRole('button', { name: tr('portal.new.addThereLabel', { number: existing }) })).toBeVisible();
    await expectAccessible(portal, 'the new ticket with the similar-ticket hint');
    await expectFitsWidth(portal);
    await portal.getByRole('button', { name: tr('portal.new.submitAnyway') }).click();
    await expect(portal).toHaveURL(/#\/tickets\/\d+$/);
    const id = Number(/#\/tickets\/(\d+)$/.exec(portal.url())?.[1]);
    expect(id).toBeGreaterThan(existing);
    await expect(portal.getByRole('heading', { name: new RegExp(c.subject) })).toBeVisible();
    await expectAccessible(portal, 'the ticket');

    // anna's console shows it live; she takes it and asks a question.
    await expect(row(anna, id)).toBeVisible();
    await row(anna, id).click();
    const ws = anna.getByRole('region', { name: `Ticket #${id}` });
    await ws.getByRole('button', { name: /^Take/ }).click();
    await expect(ws.getByText('Assignee: Anna Kovalenko')).toBeVisible();
    await ws.getByRole('button', { name: /^Ask a question/ }).click();
    await ws.getByRole('textbox', { name: 'Clarifying question to the customer' }).fill(c.question);
    await ws.getByRole('button', { name: 'Send' }).click();
    const slaTimer = ws.getByRole('region', { name: 'SLA' }).getByRole('timer').first();
    await expect(slaTimer).toHaveAccessibleName('waiting for customer');

    // The portal shows the question live, its clock paused (R13); the customer answers.
    const question = portal.getByRole('region', { name: tr('portal.question.label') });
    await expect(question).toContainText(c.question);
    await expect(portal.getByText(tr('portal.clock.paused'))).toBeVisible();
    await expectAccessible(portal, 'the ticket with support\'s question');
    await portal.getByRole('textbox', { name: tr('portal.reply.answer') }).fill(c.answer);
    await portal.getByRole('button', { name: tr('portal.reply.send') }).click();
    await expect(question).toBeHidden();

    // The clock restarts in anna's console (R21) and her conversation has the answer.
    await expect(slaTimer).not.toHaveAccessibleName('waiting for customer');
    await expect(ws.getByText(c.answer)).toBeVisible();

    // Escalation (R12): refused without a justification, with the rule's words; accepted with one.
    await portal.getByRole('button', { name: tr('portal.escalate.open') }).click();
    const dialog = portal.getByRole('dialog', { name: tr('portal.escalate.title', { number: id }) });
    await expect(dialog).toContainText(tr('portal.escalate.broadcast'));
    await expectAccessible(portal, 'the escalation dialog');
    const justification = dialog.getByRole('textbox', { name: tr('portal.escalate.justification') });
    await dialog.getByRole('button', { name: tr('portal.escalate.submit'), exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('justification: must not be empty');
    await justification.fill('!!!');
    await dialog.getByRole('button', { name: tr('portal.escalate.submit'), exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('at least a sentence');
    const refused = await api<{ ticket: { escalated: boolean } }>(request, 'get', `/api/v1/tickets/${id}`, customer);
    expect(refused.ticket.escalated).toBe(false);
    await justification.fill(c.justification);
    await dialog.getByRole('button', { name: tr('portal.escalate.submit'), exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(portal.getByText(tr('portal.escalatedMark'), { exact: true })).toBeVisible();
    await expect(ws.getByText(`Escalated by the customer: ${c.justification}`)).toBeVisible();

    expect(errors).toEqual([]);
    await context.close();
    await anna.context().close();
  });
}
