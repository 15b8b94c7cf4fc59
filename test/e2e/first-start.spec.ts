import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';

/**
 * Issue 10's proof, in browser mode against a real ticket service started on an EMPTY database (no
 * demo data), on a trial clock at 10:00 on a working Monday in Kyiv (playwright.config.ts, project
 * "first-start"). The setup code comes from the service's log. The first admin sets DutyDesk up,
 * creates an L1 agent and a client with a customer; the customer chooses a password and files a
 * ticket through the API; the agent signs in with the temporary password, chooses their own, and
 * sees the ticket counting down; the admin makes today a holiday and the agent's countdown changes
 * without a reload.
 */
test.setTimeout(120_000);

const LOG = process.env.DUTYDESK_E2E_ADMIN_LOG ?? '';

/** The one-time code the service printed at its start. */
function setupCodeFromLog(): string {
  const found = /enter the setup code (\S+)/.exec(readFileSync(LOG, 'utf8'));
  if (found?.[1] === undefined) throw new Error(`no setup code in ${LOG}`);
  return found[1];
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Reads a temporary password shown once for `name`. */
async function temporaryPassword(page: Page, name: string): Promise<string> {
  const shown = page.getByRole('region', { name: `Temporary password for ${name}` });
  const password = await shown.getByRole('textbox', { name: 'Temporary password' }).inputValue();
  expect(password.length).toBeGreaterThanOrEqual(10);
  await shown.getByRole('button', { name: 'Done' }).click();
  return password;
}

test('from an empty database: setup with the logged code, people and a client, a ticket, a forced password change, and a holiday that moves the countdown live', async ({ browser, request }) => {
  const errors: string[] = [];

  // The first admin: the console shows the setup screen, not a login.
  const admin = await newPage(browser);
  admin.on('pageerror', (e) => errors.push(e.message));
  await admin.goto('/');
  const setup = admin.getByRole('form', { name: 'Set up DutyDesk' });
  await expect(setup.getByRole('textbox', { name: 'Time zone of support' })).toHaveValue('Europe/Kyiv');
  await setup.getByRole('textbox', { name: 'Setup code' }).fill(setupCodeFromLog());
  await setup.getByRole('textbox', { name: 'Organisation' }).fill('Acme Telecom');
  await setup.getByRole('textbox', { name: 'Login' }).fill('olena');
  await setup.getByRole('textbox', { name: 'Full name' }).fill('Olena Shevchenko');
  await setup.getByLabel('Password', { exact: true }).fill('spring-in-kyiv-2026');
  await setup.getByLabel('Repeat the password').fill('spring-in-kyiv-2026');
  await setup.getByRole('button', { name: 'Set up DutyDesk' }).click();
  await expect(admin.getByRole('button', { name: 'Administration' })).toBeVisible();
  expect((await (await request.get('/api/v1/info')).json()) as unknown).toMatchObject({ setup: false, organization: 'Acme Telecom' });

  // An L1 engineer.
  await admin.getByRole('button', { name: 'Administration' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Administration' });
  await dialog.getByRole('button', { name: 'New agent' }).click();
  const agentForm = dialog.getByRole('form', { name: 'New agent' });
  await agentForm.getByRole('textbox', { name: /^Login/ }).fill('nadia');
  await agentForm.getByRole('textbox', { name: 'Name' }).fill('Nadia Bondar');
  await agentForm.getByRole('checkbox', { name: 'L1 support' }).check();
  await agentForm.getByRole('button', { name: 'Create agent' }).click();
  const nadiaPassword = await temporaryPassword(admin, 'Nadia Bondar');

  // A client on inbound call processing, with one customer.
  await dialog.getByRole('tab', { name: 'Clients' }).click();
  await dialog.getByRole('button', { name: 'New client' }).click();
  const clientForm = dialog.getByRole('form', { name: 'New client' });
  await clientForm.getByRole('textbox', { name: 'Name' }).fill('Delta');
  await clientForm.getByRole('combobox', { name: 'Primary function group' }).selectOption({ label: 'Inbound call processing' });
  await clientForm.getByRole('button', { name: 'Create client' }).click();
  await dialog.getByRole('table', { name: 'Clients' }).getByRole('row', { name: 'Delta' }).getByRole('button', { name: 'Customers' }).click();
  const customers = dialog.getByRole('region', { name: 'Customers of Delta' });
  await customers.getByRole('button', { name: 'New customer' }).click();
  const customerForm = customers.getByRole('form', { name: 'New customer' });
  await customerForm.getByRole('textbox', { name: /^Login/ }).fill('taras@delta');
  await customerForm.getByRole('textbox', { name: 'Name' }).fill('Taras Lysenko');
  await customerForm.getByRole('button', { name: 'Create customer' }).click();
  const tarasPassword = await temporaryPassword(admin, 'Taras Lysenko');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The customer chooses a password (the temporary one opens nothing else) and files a ticket through the API.
  const session = await request.post('/api/v1/session', { data: { login: 'taras@delta', password: tarasPassword } });
  const customer = ((await session.json()) as { token: string; mustChangePassword: boolean });
  expect(customer.mustChangePassword).toBe(true);
  const auth = { authorization: `Bearer ${customer.token}` };
  expect((await request.post('/api/v1/tickets', { headers: auth, data: { kind: 'problem', subject: 'x', body: 'y' } })).status()).toBe(403);
  expect((await request.post('/api/v1/session/password', { headers: auth, data: { current: tarasPassword, next: 'delta-lines-2026' } })).ok()).toBe(true);
  const filed = await request.post('/api/v1/tickets', { headers: auth, data: { kind: 'problem', subject: 'Incoming calls are not answered', body: 'Since 09:55.' } });
  expect(filed.status()).toBe(201);
  const ticket = ((await filed.json()) as { ticket: { id: number } }).ticket.id;

  // The agent signs in with the temporary password, must choose their own, then sees the ticket counting down (R21).
  const nadia = await newPage(browser);
  nadia.on('pageerror', (e) => errors.push(e.message));
  await nadia.goto('/');
  await nadia.getByRole('textbox', { name: 'Login' }).fill('nadia');
  await nadia.getByLabel('Password').fill(nadiaPassword);
  await nadia.getByRole('button', { name: 'Sign in' }).click();
  await expect(nadia.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  const choose = nadia.getByRole('form', { name: 'Change password' });
  await choose.getByLabel('Temporary password').fill(nadiaPassword);
  await choose.getByLabel('New password', { exact: true }).fill('l1-first-line-2026');
  await choose.getByLabel('New password again').fill('l1-first-line-2026');
  await choose.getByRole('button', { name: 'Change password' }).click();
  const grid = nadia.getByRole('grid', { name: 'Queue' });
  await expect(grid).toBeVisible();
  const row = grid.getByRole('row').filter({ has: nadia.getByRole('gridcell', { name: `#${ticket}`, exact: true }) });
  await expect(row.getByRole('timer')).toHaveAccessibleName(/^due in (19|20) minutes$/);
  const clock = nadia.getByRole('region', { name: 'Support clock' });
  await expect(clock.getByRole('status')).toHaveText('Working hours');

  // The admin makes today (Monday 30 November in Kyiv) a holiday: the agent's console follows without a reload.
  await admin.getByRole('button', { name: 'Support calendar' }).click();
  const calendar = admin.getByRole('dialog', { name: 'Support calendar' });
  await calendar.getByLabel('Date to add to Holidays').fill('2026-11-30');
  await calendar.getByRole('button', { name: 'Add to Holidays' }).click();
  await calendar.getByRole('button', { name: 'Save calendar' }).click();
  await expect(clock.getByRole('status')).toHaveText('Closed, opens Tue 09:00');
  // Out of working hours the console narrows to on-call work; the full queue shows the ticket's clock moved to tomorrow.
  await nadia.getByRole('button', { name: 'Show all tickets' }).click();
  await expect(row.getByRole('timer')).toHaveAccessibleName(/^starts Tue 09:00, then due in (19|20) minutes$/);

  expect(errors).toEqual([]);
});
