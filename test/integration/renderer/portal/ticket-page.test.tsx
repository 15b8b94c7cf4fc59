// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDesk } from '../../../support/real-console.tsx';
import { renderPortal, support, useCleanHash } from '../../../support/real-portal.tsx';
import { setUpRendererTests } from '../../../support/renderer-setup.ts';
import { at } from '../../../support/time.ts';

setUpRendererTests();
useCleanHash();
// A Monday morning in working hours, on the service's clock and this one (the portal's measured offset is 0).
const monday = at('2026-11-30 10:00');
beforeEach(() => void vi.useFakeTimers({ now: monday, toFake: ['Date'] }));

describe('a ticket in the portal', () => {
  const desk = useDesk({ start: monday });
  const anna = support(desk);
  /** A problem gamma.user (English) filed at `local`. */
  const file = (subject: string, local = '2026-11-30 09:55') => desk.file({ customer: 'gamma.user', subject, body: `${subject}: details`, at: at(local) });
  /** The ticket as support sees it. */
  const stored = async (id: number) => (await desk.ts.request('GET', `/api/v1/tickets/${id}`, { token: await desk.ts.login('anna') })).body;
  const clockLine = () => screen.getByRole('region', { name: 'Support\'s clock for this ticket' });

  async function open(id: number, subject: string) {
    renderPortal(await desk.signedIn('gamma.user'), { hash: `#/tickets/${id}` });
    return screen.findByRole('article', { name: `#${id} ${subject}` });
  }

  it('shows the conversation without support\'s internal notes, and the clock in words', async () => {
    const id = await file('Calls drop after 30 seconds');
    await anna.note(id, 'Internal: their trunk is on the old firmware', at('2026-11-30 09:57'));
    await anna.reply(id, 'We are looking at it now.', at('2026-11-30 09:58'));
    const page = await open(id, 'Calls drop after 30 seconds');
    const conversation = within(page).getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getByRole('listitem', { name: 'Customer · John Carter' }).textContent).toContain('Calls drop after 30 seconds: details');
    expect(within(conversation).getByRole('listitem', { name: 'Reply · Anna Kovalenko' }).textContent).toContain('We are looking at it now.');
    expect(page.textContent).not.toContain('old firmware');
    expect(within(conversation).queryByRole('listitem', { name: /Internal note/ })).toBeNull();
    expect(clockLine().textContent).toBe('Support reacted at Mon 30 Nov 09:58, within the promised time.');
    expect(within(page).getByText('Support is working on it')).toBeTruthy();
  });

  it('sends a reply; the service records it and support\'s clock starts again (R21)', async () => {
    const id = await file('Reports are empty');
    await anna.reply(id, 'Which report?', at('2026-11-30 09:57'));
    const page = await open(id, 'Reports are empty');
    await userEvent.type(within(page).getByRole('textbox', { name: 'Your reply' }), 'The daily calls report');
    await userEvent.click(within(page).getByRole('button', { name: 'Send' }));
    const conversation = within(page).getByRole('region', { name: 'Conversation' });
    expect(await within(conversation).findByText('The daily calls report')).toBeTruthy();
    expect((within(page).getByRole('textbox', { name: 'Your reply' }) as HTMLTextAreaElement).value).toBe('');
    expect(clockLine().textContent).toBe('Support will react by 10:20 today (in 20 minutes; 20 working minutes from your message).');
    const { messages } = await stored(id);
    expect(messages.at(-1)).toMatchObject({ type: 'customer', body: 'The daily calls report', author: { name: 'John Carter' } });
  });

  it('the customer reads the closing reply support resolved the ticket with', async () => {
    const replied = await file('Voicemail greeting missing');
    await desk.act('anna', `/api/v1/tickets/${replied}/resolve`, { reply: 'Uploaded the greeting again; it plays now.' }, at('2026-11-30 09:58'));
    const page = await open(replied, 'Voicemail greeting missing');
    const conversation = within(page).getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getByRole('listitem', { name: 'Reply · Anna Kovalenko' }).textContent).toContain('Uploaded the greeting again; it plays now.');
  });

  it("shows the service's own messages in the customer's language, while the API keeps them in English with their code", async () => {
    const id = await desk.file({ customer: 'alpha.user', subject: 'Отчёты пустые', at: at('2026-11-30 09:50') });
    await anna.take(id, at('2026-11-30 09:52'));
    await anna.resolve(id, at('2026-11-30 09:55'));
    renderPortal(await desk.signedIn('alpha.user'), { hash: `#/tickets/${id}` });
    const conversation = await screen.findByRole('region', { name: 'Переписка' });
    expect(await within(conversation).findByText('Тикет решён. Если проблема осталась, откройте его снова, и мы продолжим.')).toBeTruthy();
    expect(conversation.textContent).not.toContain('This ticket was resolved');
    const { messages } = await stored(id);
    expect(messages.at(-1)).toMatchObject({ type: 'system', body: 'This ticket was resolved. If the problem is still there, reopen it and we will continue.', notice: { code: 'resolved_without_reply' } });
  });

  it('reopens a resolved ticket: no reply box until then, and the clock starts again', async () => {
    const id = await file('Headset not detected', '2026-11-30 09:00');
    await anna.take(id, at('2026-11-30 09:05'));
    await anna.resolve(id, at('2026-11-30 09:30'));
    const page = await open(id, 'Headset not detected');
    expect(clockLine().textContent).toBe('Resolved: no clock runs. If the problem is back, reopen the ticket.');
    expect(within(page).queryByRole('textbox', { name: 'Your reply' })).toBeNull();
    expect(within(page).queryByRole('button', { name: 'Escalate…' })).toBeNull();
    await userEvent.click(within(page).getByRole('button', { name: 'Reopen the ticket' }));
    expect(await within(page).findByText('Support is working on it')).toBeTruthy();
    expect(clockLine().textContent).toBe('Support will react by 10:20 today (in 20 minutes; 20 working minutes from your message).');
    expect(within(page).getByRole('textbox', { name: 'Your reply' })).toBeTruthy();
    expect((await stored(id)).ticket.status).toBe('in_work');
  });

  it('escalates (R12): without a justification the service\'s refusal shows and nothing changes; with one it is escalated for support too', async () => {
    const id = await file('Live broadcast cannot take calls');
    const page = await open(id, 'Live broadcast cannot take calls');
    await userEvent.click(within(page).getByRole('button', { name: 'Escalate…' }));
    const dialog = await screen.findByRole('dialog', { name: `Escalate ticket #${id}` });
    // When escalation is right, said before anything is asked.
    expect(dialog.textContent).toContain('your organisation cannot work;');
    expect(dialog.textContent).toContain('a live broadcast cannot take calls;');
    expect(dialog.textContent).toContain('the solution is taking too long.');
    expect(dialog.textContent).toContain('reacts within 20 minutes, round the clock');
    const field = within(dialog).getByRole('textbox', { name: 'Why it cannot wait (justification)' });
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-describedby')).not.toBeNull();

    // Too short: sending is not blocked, and the refusal is the service's rule in its own words.
    await userEvent.type(field, 'urgent');
    const send = within(dialog).getByRole('button', { name: 'Escalate' });
    expect(send.hasAttribute('disabled')).toBe(false);
    await userEvent.click(send);
    const refusal = await within(dialog).findByRole('alert');
    const service = await desk.ts.request('POST', `/api/v1/tickets/${id}/escalate`, { token: await desk.ts.login('gamma.user'), body: { justification: 'urgent' } });
    expect(service.status).toBe(400);
    // The same rule and words; the service names the field inside the request body.
    expect(`body.${refusal.textContent ?? ''}`).toBe(service.body.message);
    const unchanged = await stored(id);
    expect(unchanged.ticket).toMatchObject({ escalated: false, tier: 'l1', escalationJustification: null });
    expect(unchanged.audit.map((a: { action: string }) => a.action)).toEqual(['created']);

    await userEvent.clear(field);
    await userEvent.type(field, 'Our live broadcast is on air and no call gets through.');
    expect(within(dialog).getByText('Enough to send.')).toBeTruthy();
    await userEvent.click(send);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(page).findByText('Escalated', { selector: '.badge' })).toBeTruthy();
    expect(clockLine().textContent).toBe('Escalated: the escalation desk reacts within 20 minutes, round the clock: by 10:15 today (in 15 minutes).');
    expect(within(page).queryByRole('button', { name: 'Escalate…' })).toBeNull();
    // The escalation desk's list has it.
    const desks = await desk.ts.request('GET', '/api/v1/tickets?view=escalated', { token: await desk.ts.login('sofia') });
    expect(desks.body.tickets.find((t: { id: number }) => t.id === id)).toMatchObject({ escalated: true, tier: 'escalation', escalationJustification: 'Our live broadcast is on air and no call gets through.' });
  });

  it('shows support\'s question live, without a reload, with the answer box focused; a note never arrives; the answer restarts the clock', async () => {
    const id = await file('Dialer skips numbers');
    const page = await open(id, 'Dialer skips numbers');
    await screen.findByText('Support will react by', { exact: false });
    expect(within(page).queryByRole('region', { name: 'Support\'s question' })).toBeNull();

    await anna.note(id, 'Internal: probably the DNC list again');
    await anna.ask(id, 'Which campaign skips numbers?');
    const question = await within(page).findByRole('region', { name: 'Support\'s question' });
    expect(within(question).getByRole('heading', { name: 'Support asked you a question' })).toBeTruthy();
    expect(within(question).getByText('Which campaign skips numbers?')).toBeTruthy();
    const answer = within(question).getByRole('textbox', { name: 'Your answer' });
    expect(document.activeElement).toBe(answer);
    expect(clockLine().textContent).toBe('Paused: support is waiting for your answer.');
    // The note was written before the question, so had it reached the portal it would be here by now.
    expect(page.textContent).not.toContain('DNC list');

    await userEvent.type(answer, 'Campaign "Autumn"');
    await userEvent.click(within(question).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(within(page).queryByRole('region', { name: 'Support\'s question' })).toBeNull());
    expect(clockLine().textContent).toBe('Support will react by 10:20 today (in 20 minutes; 20 working minutes from your message).');
    const after = await stored(id);
    expect(after.ticket).toMatchObject({ status: 'in_work', sla: { state: 'running', dueAt: at('2026-11-30 10:20') } });
  });

  it('says so when the ticket is not the customer\'s', async () => {
    const other = await desk.file({ customer: 'alpha.user', subject: 'Alpha only' });
    renderPortal(await desk.signedIn('gamma.user'), { hash: `#/tickets/${other}` });
    expect((await screen.findByRole('alert')).textContent).toBe(`Ticket #${other} is not among your tickets.`);
    expect(screen.getByRole('link', { name: 'Back to your tickets' }).getAttribute('href')).toBe('#/');
  });
});
