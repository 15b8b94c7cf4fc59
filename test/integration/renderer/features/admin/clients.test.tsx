// @vitest-environment jsdom
import { waitFor, within } from '@testing-library/react';
import { parse } from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { useDesk } from '../../../../support/real-console.tsx';
import { setUpRendererTests } from '../../../../support/renderer-setup.ts';
import { openAdministration, rowsOf } from './admin-setup.ts';

setUpRendererTests();

describe('clients and customers in the administration screen', () => {
  const desk = useDesk();

  /** Opens Clients as admin, creates Delta (inbound, Ukrainian) and returns its customers' section. */
  const withDelta = async () => {
    const opened = await openAdministration(await desk.signedIn('admin'), 'Clients');
    const { user, dialog } = opened;
    const table = await within(dialog).findByRole('table', { name: 'Clients' });
    if (within(table).queryByRole('row', { name: 'Delta' }) === null) {
      await user.click(within(dialog).getByRole('button', { name: 'New client' }));
      const form = within(dialog).getByRole('form', { name: 'New client' });
      await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Delta');
      await user.selectOptions(within(form).getByRole('combobox', { name: 'Primary function group' }), 'Inbound call processing');
      await user.selectOptions(within(form).getByRole('combobox', { name: 'Language' }), 'Українська');
      await user.click(within(form).getByRole('button', { name: 'Create client' }));
    } else {
      await user.click(within(within(table).getByRole('row', { name: 'Delta' })).getByRole('button', { name: 'Customers' }));
    }
    const customers = await within(dialog).findByRole('region', { name: 'Customers of Delta' });
    return { ...opened, table, customers };
  };

  it('creates a client and a customer of it; the customer gets a temporary password and the client\'s language', async () => {
    const { user, table, customers } = await withDelta();
    await waitFor(() => expect(rowsOf(table)).toContainEqual(['Delta', 'Inbound call processing', 'Українська', '0 active of 0', 'none', 'Customers Edit']));
    expect(await within(customers).findByText('No customers yet.')).toBeTruthy();
    await user.click(within(customers).getByRole('button', { name: 'New customer' }));
    const form = within(customers).getByRole('form', { name: 'New customer' });
    expect((within(form).getByRole('combobox', { name: 'Language' }) as HTMLSelectElement).value).toBe('uk');
    await user.type(within(form).getByRole('textbox', { name: /^Login/ }), 'taras@delta');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Тарас Лисенко');
    await user.click(within(form).getByRole('button', { name: 'Create customer' }));
    const shown = await within(customers).findByRole('region', { name: 'Temporary password for Тарас Лисенко' });
    const password = (within(shown).getByRole('textbox', { name: 'Temporary password' }) as HTMLInputElement).value;
    const list = await within(customers).findByRole('table', { name: 'Customers of Delta' });
    expect(rowsOf(list).map((r) => r.slice(0, 4))).toEqual([['Тарас Лисенко', 'taras@delta', 'Українська', 'Active · temporary password']]);
    await waitFor(() => expect(rowsOf(table).find((r) => r[0] === 'Delta')?.[3]).toBe('1 active of 1'));
    const signIn = await desk.ts.request('POST', '/api/v1/session', { body: { login: 'taras@delta', password } });
    expect([signIn.status, signIn.body.user.client.name, signIn.body.mustChangePassword]).toEqual([200, 'Delta', true]);

    // Renamed and moved to the autodialer group; the customer deactivated.
    await user.click(within(within(table).getByRole('row', { name: 'Delta' })).getByRole('button', { name: 'Edit' }));
    const edit = within(customers.ownerDocument.body).getByRole('form', { name: 'Edit Delta' });
    await user.selectOptions(within(edit).getByRole('combobox', { name: 'Primary function group' }), 'Autodialer');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(rowsOf(table).find((r) => r[0] === 'Delta')?.[1]).toBe('Autodialer'));
    const row = within(list).getByRole('row', { name: 'Тарас Лисенко' });
    await user.click(within(row).getByRole('button', { name: 'Deactivate' }));
    await user.click(within(row).getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(rowsOf(list)[0]?.[3]).toBe('Deactivated'));
  });

  it('a taken login is refused in words and nothing is made', async () => {
    const { user, customers } = await withDelta();
    await user.click(within(customers).getByRole('button', { name: 'New customer' }));
    const form = within(customers).getByRole('form', { name: 'New customer' });
    await user.type(within(form).getByRole('textbox', { name: /^Login/ }), 'alpha.user');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Someone Else');
    await user.click(within(form).getByRole('button', { name: 'Create customer' }));
    expect((await within(customers).findByRole('alert')).textContent).toBe('The login alpha.user is taken: choose another.');
    expect(within(customers).queryByRole('row', { name: 'Someone Else' })).toBeNull();
  });

  it('imports customers from CSV: a preview with each faulty row, nothing written; then all rows, their passwords shown once and downloadable', async () => {
    const { user, customers } = await withDelta();
    const importer = within(customers).getByRole('region', { name: 'Import customers of Delta from CSV' });
    const bad = 'login,name,language\nirina@delta,Ірина Ткач,uk\nalpha.user,Taken Login,en\nBad Login,Someone,en\nlev@delta,Лев Гнатюк,de\n';
    await user.upload(within(importer).getByLabelText('Choose a CSV file'), new File([bad], 'delta.csv', { type: 'text/csv' }));
    await waitFor(() => expect((within(importer).getByRole('textbox', { name: 'Or paste the CSV' }) as HTMLTextAreaElement).value).toBe(bad));
    expect(within(importer).getByText('File: delta.csv')).toBeTruthy();
    await user.click(within(importer).getByRole('button', { name: 'Preview' }));
    expect((await within(importer).findByRole('status')).textContent).toBe('3 of 4 rows cannot be imported: correct them and preview again. Nothing was written.');
    const preview = within(importer).getByRole('table', { name: 'Preview' });
    const rows = rowsOf(preview);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['2', 'irina@delta', 'Ірина Ткач', 'Українська'],
      ['3', 'alpha.user', 'Taken Login', 'English'],
      ['4', 'Bad Login', 'Someone', 'English'],
      ['5', 'lev@delta', 'Лев Гнатюк', '—'],
    ]);
    expect(rows[0]?.[4]).toBe('OK');
    expect(rows[1]?.[4]).toMatch(/^login: /);
    expect(rows[2]?.[4]).toMatch(/^login: /);
    expect(rows[3]?.[4]).toMatch(/^language: /);
    expect(within(importer).getByRole('button', { name: /^Import/ }).hasAttribute('disabled')).toBe(true);
    const before = await desk.ts.request('GET', `/api/v1/admin/clients/${await deltaId()}/customers`, { token: await desk.ts.login('admin') });
    expect(before.body.customers.map((c: { login: string }) => c.login)).not.toContain('irina@delta');

    // Corrected (pasted): the preview passes, then the import makes every row.
    const good = 'login,name,language\nirina@delta,Ірина Ткач,uk\nlev@delta,Лев Гнатюк,en\n';
    const text = within(importer).getByRole('textbox', { name: 'Or paste the CSV' });
    await user.clear(text);
    await user.click(text);
    await user.paste(good);
    await user.click(within(importer).getByRole('button', { name: 'Preview' }));
    expect((await within(importer).findByText('All 2 rows can be imported.')).getAttribute('role')).toBe('status');
    await user.click(within(importer).getByRole('button', { name: 'Import 2 customers' }));
    const done = await within(importer).findByRole('region', { name: '2 customers imported' });
    const created = rowsOf(within(done).getByRole('table', { name: 'Customers imported' }));
    expect(created.map((r) => r.slice(0, 2))).toEqual([['irina@delta', 'Ірина Ткач'], ['lev@delta', 'Лев Гнатюк']]);
    const list = within(customers).getByRole('table', { name: 'Customers of Delta' });
    await waitFor(() => expect(rowsOf(list).map((r) => r[1])).toEqual(expect.arrayContaining(['irina@delta', 'lev@delta'])));
    const lev = await desk.ts.request('POST', '/api/v1/session', { body: { login: 'lev@delta', password: created[1]?.[2] } });
    expect([lev.status, lev.body.user.language]).toEqual([200, 'en']);

    // The download holds the same logins and passwords.
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (saved.push(b), 'blob:created'));
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await user.click(within(done).getByRole('button', { name: 'Download logins and passwords (CSV)' }));
    expect(names).toEqual(['Delta-customers.csv']);
    const file = parse<string[]>((await saved[0]?.text()) ?? '', { skipEmptyLines: true }).data;
    expect(file).toEqual([
      ['login', 'name', 'language', 'temporary_password'],
      ['irina@delta', 'Ірина Ткач', 'uk', created[0]?.[2]],
      ['lev@delta', 'Лев Гнатюк', 'en', created[1]?.[2]],
    ]);
  });

  const deltaId = async (): Promise<number> => {
    const r = await desk.ts.request('GET', '/api/v1/admin/clients', { token: await desk.ts.login('admin') });
    return (r.body.clients as { id: number; name: string }[]).find((c) => c.name === 'Delta')?.id ?? 0;
  };
});
