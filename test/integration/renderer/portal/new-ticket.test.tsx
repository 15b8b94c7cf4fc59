// @vitest-environment jsdom
/**
 * The portal's new-ticket page against the real service through the real web bridge: the promise
 * of each kind on the service's clock, the hint of similar open tickets of the same client (R15),
 * "Add it there instead", and filing anyway.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useDesk } from '../../../support/real-console.tsx';
import { advance, renderPortal, support, timeIs, useCleanHash } from '../../../support/real-portal.tsx';
import { setUpRendererTests } from '../../../support/renderer-setup.ts';
import { at } from '../../../support/time.ts';

setUpRendererTests();
useCleanHash();

describe('the new-ticket page', () => {
  const desk = useDesk({ demo: true });

  /** The promise shown with a kind's radio button (its accessible description). */
  const promiseOf = async (kind: string): Promise<string> => {
    const radio = await screen.findByRole('radio', { name: kind });
    return (radio.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | ');
  };

  /** A ticket as its customer sees it through the API. */
  const ticketAs = async (login: string, id: number) => {
    const r = await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login(login) });
    expect(r.status).toBe(200);
    return r.body as { ticket: { kind: string; language: string; subject: string; body: string; status: string }; messages: { type: string; body: string }[] };
  };

  it('promises each kind in words on the service\'s clock: Friday evening after hours is Monday', async () => {
    timeIs(desk, at('2026-11-27 19:30'));
    renderPortal(await desk.signedIn('gamma.user'), { hash: '#/new' });
    expect(await screen.findByRole('heading', { name: 'New ticket' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'What is it about?' })).toBeTruthy();
    expect(await promiseOf('Problem')).toBe('A problem using the service or with its operation | A reply within 20 working minutes; now outside working hours, so by Monday 09:20.');
    expect(await promiseOf('Bug')).toBe('A bug: the service does something wrong | A reply within 20 working minutes; now outside working hours, so by Monday 09:20.');
    expect(await promiseOf('Question')).toBe('A question about how to use the service | An answer within 1 working hour; now outside working hours, so by Monday 10:00.');
    expect(await promiseOf('Suggestion')).toBe('A suggestion for improvement | A reply within a month, by 27 December.');
  });

  it('follows the service\'s clock: at closing time the promise moves to after hours', async () => {
    timeIs(desk, at('2026-11-27 17:59'));
    renderPortal(await desk.signedIn('gamma.user'), { hash: '#/new' });
    await waitFor(async () => expect(await promiseOf('Problem')).toContain('A reply within 20 working minutes, by Monday 09:19.'));
    // Half an hour on: even a clock measurement under way meanwhile cannot put it back before 18:00.
    advance(desk, 30 * 60_000);
    await waitFor(async () => expect(await promiseOf('Problem')).toContain('A reply within 20 working minutes; now outside working hours, so by Monday 09:20.'));
  });

  it('speaks the customer\'s language (Russian for alpha.user)', async () => {
    timeIs(desk, at('2026-11-27 19:30'));
    renderPortal(await desk.signedIn('alpha.user'), { hash: '#/new' });
    expect(await promiseOf('Проблема')).toContain('Ответ в течение 20 рабочих минут; сейчас нерабочее время, поэтому в понедельник до 09:20.');
    expect(await promiseOf('Вопрос')).toContain('Ответ на вопрос в течение 1 рабочего часа; сейчас нерабочее время, поэтому в понедельник до 10:00.');
    expect((screen.getByRole('combobox', { name: 'Язык переписки' }) as HTMLSelectElement).value).toBe('ru');
  });

  it('offers a similar open ticket of the same client, not another client\'s nor a resolved one', async () => {
    const mine = await desk.file({ customer: 'gamma.user', subject: 'Calls dropped', body: 'The call dropped after half a minute.' });
    const resolved = await desk.file({ customer: 'gamma.user', subject: 'Calls are dropping again', body: 'Calls drop after 30 seconds' });
    await support(desk).take(resolved);
    await support(desk).resolve(resolved);
    const otherClient = await desk.file({ customer: 'alpha.user', subject: 'Calls are dropping', body: 'Calls drop after 30 seconds' });
    await desk.file({ customer: 'gamma.user', subject: 'Invoice for December', body: 'Please send the invoice.' });
    renderPortal(await desk.signedIn('gamma.user'), { hash: '#/new' });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Subject' }), 'Calls are dropping');
    const hint = await screen.findByRole('region', { name: 'Is it one of these open tickets?' });
    const offered = within(hint).getAllByRole('listitem');
    expect(offered.map((li) => li.textContent)).toEqual([`#${mine} Calls dropped (New) Add it there instead`]);
    expect(within(hint).getByRole('link', { name: `#${mine} Calls dropped` }).getAttribute('href')).toBe(`#/tickets/${mine}`);
    expect(hint.textContent).not.toContain(`#${resolved}`);
    expect(hint.textContent).not.toContain(`#${otherClient}`);
    expect(screen.getByRole('button', { name: 'File a new ticket anyway' })).toBeTruthy();
    // Another problem altogether: the hint goes away and the button is the plain one again.
    await user.clear(screen.getByRole('textbox', { name: 'Subject' }));
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Wrong prices in the tariff');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Is it one of these open tickets?' })).toBeNull());
    expect(screen.getByRole('button', { name: 'File the ticket' })).toBeTruthy();
  });

  it('"Add it there instead" adds the text as the customer\'s reply on that ticket and opens it', async () => {
    const existing = await desk.file({ customer: 'gamma.user', subject: 'Autodialer stopped working this morning', body: 'The campaign is idle.' });
    renderPortal(await desk.signedIn('gamma.user'), { hash: '#/new' });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Subject' }), 'Autodialer is not working');
    await user.type(screen.getByRole('textbox', { name: 'What happened' }), 'Campaign "Winter" makes no calls since 9:00.');
    const hint = await screen.findByRole('region', { name: 'Is it one of these open tickets?' });
    await user.click(within(hint).getByRole('button', { name: `Add it there instead: #${existing}` }));
    await waitFor(() => expect(window.location.hash).toBe(`#/tickets/${existing}`));
    const detail = await ticketAs('gamma.user', existing);
    expect(detail.messages.at(-1)).toMatchObject({ type: 'customer', body: 'Autodialer is not working\n\nCampaign "Winter" makes no calls since 9:00.' });
    // No new ticket was filed.
    const list = await desk.ts.request('GET', '/api/v1/tickets?view=all', { token: await desk.ts.login('gamma.user') });
    expect((list.body.tickets as { subject: string }[]).filter((t) => t.subject === 'Autodialer is not working')).toEqual([]);
  });

  it('says why the text could not be added there, and keeps the form', async () => {
    const existing = await desk.file({ customer: 'gamma.user', subject: 'Recordings missing for yesterday', body: 'No recordings.' });
    renderPortal(await desk.signedIn('gamma.user'), { hash: '#/new' });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Subject' }), "Yesterday's call recordings are missing");
    const hint = await screen.findByRole('region', { name: 'Is it one of these open tickets?' });
    // Support resolves it meanwhile: the service refuses a reply on a resolved ticket.
    await support(desk).take(existing);
    await support(desk).resolve(existing);
    await user.click(within(hint).getByRole('button', { name: `Add it there instead: #${existing}` }));
    expect((await within(hint).findByRole('alert')).textContent).toMatch(/^Your text was not added: .*resolved/);
    expect(window.location.hash).toBe('#/new');
    expect((screen.getByRole('textbox', { name: 'Subject' }) as HTMLInputElement).value).toBe("Yesterday's call recordings are missing");
  });

  it('files a new ticket anyway, with the chosen kind and language, and opens it', async () => {
    const similar = await desk.file({ customer: 'gamma.user', subject: 'Agent statistics show zeros', body: 'All zeros since Monday.' });
    renderPortal(await desk.signedIn('gamma.user'), { hash: '#/new' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Question' }));
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Zeros in agent statistics');
    await user.type(screen.getByRole('textbox', { name: 'What happened' }), 'How is the talk time counted?');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the conversation' }), 'Українська');
    const hint = await screen.findByRole('region', { name: 'Is it one of these open tickets?' });
    expect(within(hint).getByRole('link', { name: `#${similar} Agent statistics show zeros` })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'File a new ticket anyway' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/tickets\/\d+$/));
    const id = Number(window.location.hash.split('/')[2]);
    expect(id).not.toBe(similar);
    expect((await ticketAs('gamma.user', id)).ticket).toMatchObject({ kind: 'question', language: 'uk', subject: 'Zeros in agent statistics', body: 'How is the talk time counted?', status: 'new' });
  });

  it('says why a ticket was not filed, and loses nothing of the form', async () => {
    renderPortal(await desk.signedIn('gamma.user'), { hash: '#/new' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Bug' }));
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), '   ');
    await user.type(screen.getByRole('textbox', { name: 'What happened' }), 'The export button does nothing.');
    await user.click(screen.getByRole('button', { name: 'File the ticket' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The ticket was not filed: subject: must not be empty');
    expect(window.location.hash).toBe('#/new');
    expect((screen.getByRole('radio', { name: 'Bug' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'What happened' }) as HTMLTextAreaElement).value).toBe('The export button does nothing.');
  });
});
